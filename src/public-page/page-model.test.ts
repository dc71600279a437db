import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Component, ComponentStatus } from '../modules/components/index.ts';
import type { Incident, IncidentUpdate, UpdateStatus } from '../modules/incidents/index.ts';
import type { Page } from '../modules/page/index.ts';
import type { ComponentId, IncidentId, IncidentUpdateId, PageId } from '../shared/ids.ts';
import { relatedEvents } from './day-bars-model.ts';
import { addMonths, historyMonths, historyPageCount } from './history-model.ts';
import { affectedNames, buildHomeModel, timeline } from './page-model.ts';

const at = (iso: string) => new Date(iso);

function page(timeZone = 'Etc/UTC'): Page {
  return {
    id: 'p' as PageId,
    name: 'Acme',
    url: 'http://127.0.0.1',
    timeZone,
    defaultLocale: 'en',
    locales: ['en'],
    settings: {},
    revision: 1,
    createdAt: at('2025-01-01T00:00:00Z'),
    updatedAt: at('2025-01-01T00:00:00Z'),
  };
}

function component(id: string, options: Partial<Component> = {}): Component {
  return {
    id: id as ComponentId,
    name: id,
    description: null,
    position: 1,
    isGroup: false,
    groupId: null,
    status: 'operational',
    showcase: true,
    onlyShowIfDegraded: false,
    startDate: null,
    thirdParty: null,
    statusUnknownSince: null,
    mirrorHeldUntil: null,
    translations: {},
    createdAt: at('2025-01-01T00:00:00Z'),
    updatedAt: at('2025-01-01T00:00:00Z'),
    ...options,
  };
}

function update(status: UpdateStatus, iso: string, affected: [string, string, ComponentStatus][] = []): IncidentUpdate {
  return {
    id: `u${iso}` as IncidentUpdateId,
    incidentId: 'i' as IncidentId,
    status,
    body: `${status} body`,
    generatedBody: null,
    createdAt: at(iso),
    updatedAt: at(iso),
    displayAt: at(iso),
    deliverNotifications: true,
    affectedComponents: affected.map(([componentId, name, newStatus]) => ({
      componentId: componentId as ComponentId,
      name,
      oldStatus: 'operational',
      newStatus,
    })),
  };
}

function incident(id: string, options: Partial<Incident> & { updates: IncidentUpdate[] }): Incident {
  const last = options.updates[options.updates.length - 1] as IncidentUpdate;
  return {
    id: id as IncidentId,
    kind: 'incident',
    name: id,
    status: options.updates[0]?.status ?? 'investigating',
    impact: 'minor',
    impactOverride: null,
    createdAt: last.createdAt,
    updatedAt: last.createdAt,
    startedAt: last.displayAt,
    monitoringAt: null,
    resolvedAt: null,
    backfilled: false,
    schedule: null,
    postmortem: { body: null, draft: null, lastUpdatedAt: null, publishedAt: null, notifiedSubscribers: false, ignored: false },
    metadata: {},
    componentIds: [],
    ...options,
  };
}

describe('the home page model', () => {
  const now = at('2025-11-20T12:00:00Z');

  test('past days are cut in the page’s time zone, today first, fifteen of them', () => {
    // 02:30 UTC on 20 Nov is still 19 Nov in São Paulo.
    const late = incident('late', {
      updates: [update('resolved', '2025-11-20T03:00:00Z'), update('investigating', '2025-11-20T02:30:00Z')],
      resolvedAt: at('2025-11-20T03:00:00Z'),
    });
    const inUtc = buildHomeModel({ page: page(), components: [], events: [late], subjects: new Map(), now });
    const inSaoPaulo = buildHomeModel({ page: page('America/Sao_Paulo'), components: [], events: [late], subjects: new Map(), now });
    assert.equal(inUtc.pastDays.length, 15);
    assert.equal(inUtc.pastDays[0]?.date, '2025-11-20');
    assert.equal(inUtc.pastDays[14]?.date, '2025-11-06');
    assert.deepEqual(
      inUtc.pastDays[0]?.events.map((e) => e.id),
      ['late'],
    );
    assert.deepEqual(
      inSaoPaulo.pastDays[1]?.events.map((e) => e.id),
      ['late'],
    );
    assert.equal(inSaoPaulo.unresolved.length, 0);
  });

  test('groups hold their visible children; a component shown only when degraded hides while operational', () => {
    const group = component('web', { isGroup: true, status: 'partial_outage', showcase: false });
    const components = [
      component('api'),
      group,
      component('login', { groupId: group.id, status: 'partial_outage' }),
      component('sso', { groupId: group.id, onlyShowIfDegraded: true }),
      component('legacy', { onlyShowIfDegraded: true }),
    ];
    const model = buildHomeModel({ page: page(), components, events: [], subjects: new Map(), now });
    assert.deepEqual(
      model.rows.map((r) => [r.component.id, r.children.map((c) => c.component.id)]),
      [
        ['api', []],
        ['web', ['login']],
      ],
    );
    assert.equal(model.overall.key, 'minorOutage');
  });

  test('a showcased group gets bars of its own: its worst child each day, and the truncated mean of their figures', () => {
    const group = component('web', { isGroup: true });
    const start = '2025-08-01';
    const subjects = new Map([
      // login: down 1 hour on 19 Nov; sso: partially down 2 hours on 18 Nov.
      [
        'login',
        {
          startDate: start,
          changes: [
            { status: 'major_outage' as const, changedAt: at('2025-11-19T10:00:00Z') },
            { status: 'operational' as const, changedAt: at('2025-11-19T11:00:00Z') },
          ],
        },
      ],
      [
        'sso',
        {
          startDate: start,
          changes: [
            { status: 'partial_outage' as const, changedAt: at('2025-11-18T10:00:00Z') },
            { status: 'operational' as const, changedAt: at('2025-11-18T12:00:00Z') },
          ],
        },
      ],
    ]);
    const components = [group, component('login', { groupId: group.id }), component('sso', { groupId: group.id })];
    const model = buildHomeModel({ page: page(), components, events: [], subjects, now });
    const row = model.rows[0]!;
    const [login, sso] = row.children.map((c) => c.bars!);
    const bars = row.bars!;
    assert.equal(bars.days.length, 90);
    const on = (date: string) => bars.days.find((d) => d.outage.date === date)!.outage;
    assert.equal(on('2025-11-19').majorSeconds, 3600);
    assert.equal(on('2025-11-18').partialSeconds, 7200);
    assert.equal(on('2025-11-17').majorSeconds + on('2025-11-17').partialSeconds, 0);
    // Each child's exact figure, then the mean truncated to hundredths.
    const mean = (login!.uptime[90].exact! + sso!.uptime[90].exact!) / 2;
    assert.equal(bars.uptime[90].percent, Math.floor(mean * 100) / 100);
    assert.ok(bars.uptime[90].percent! < 100 && login!.uptime[90].percent! < sso!.uptime[90].percent!);
  });

  test('a group that is not showcased has no bars', () => {
    const group = component('web', { isGroup: true, showcase: false });
    const subjects = new Map([['login', { startDate: '2025-08-01', changes: [] }]]);
    const model = buildHomeModel({
      page: page(),
      components: [group, component('login', { groupId: group.id })],
      events: [],
      subjects,
      now,
    });
    const row = model.rows[0];
    assert.ok(row, 'the group has its row');
    assert.equal(row.component.id, group.id);
    assert.equal(row.bars, null);
    // Its showcased child keeps its own bars: a full 90 days with a figure.
    const child = row.children[0];
    assert.ok(child?.bars, 'the showcased child has bars');
    assert.equal(child.component.id, 'login');
    assert.equal(child.bars.days.length, 90);
    assert.equal(typeof child.bars.uptime[90].percent, 'number');
  });

  test('open incidents and maintenances are told apart from past ones', () => {
    const open = incident('open', { updates: [update('identified', '2025-11-20T10:00:00Z')] });
    const upcoming = incident('soon', {
      kind: 'maintenance',
      status: 'scheduled',
      startedAt: at('2025-11-27T00:00:00Z'),
      updates: [update('scheduled', '2025-11-19T10:00:00Z')],
    });
    const running = incident('now', {
      kind: 'maintenance',
      status: 'in_progress',
      updates: [update('in_progress', '2025-11-20T11:00:00Z')],
    });
    const model = buildHomeModel({ page: page(), components: [], events: [open, upcoming, running], subjects: new Map(), now });
    assert.deepEqual(
      model.unresolved.map((e) => e.id),
      ['open'],
    );
    assert.deepEqual(
      model.activeMaintenances.map((e) => e.id),
      ['now'],
    );
    assert.deepEqual(
      model.upcomingMaintenances.map((e) => e.id),
      ['soon'],
    );
    // A maintenance that has not started yet is not a past event.
    assert.ok(model.pastDays.every((d) => !d.events.some((e) => e.id === 'soon')));
  });
});

describe('timelines', () => {
  test('the published postmortem comes first, then updates newest first with "update" for a repeated status', () => {
    const event = incident('x', {
      status: 'postmortem',
      updates: [
        update('resolved', '2025-11-18T10:00:00Z'),
        update('investigating', '2025-11-18T09:30:00Z'),
        update('investigating', '2025-11-18T09:00:00Z'),
      ],
      postmortem: {
        body: 'Why',
        draft: 'Why',
        lastUpdatedAt: null,
        publishedAt: at('2025-11-19T10:00:00Z'),
        notifiedSubscribers: false,
        ignored: false,
      },
    });
    assert.deepEqual(
      timeline(event, 'en').map((e) => e.label),
      ['postmortem', 'resolved', 'update', 'investigating'],
    );
  });

  test('an unpublished draft is never shown', () => {
    const event = incident('x', {
      updates: [update('resolved', '2025-11-18T10:00:00Z')],
      postmortem: { body: null, draft: 'Secret', lastUpdatedAt: null, publishedAt: null, notifiedSubscribers: false, ignored: false },
    });
    assert.deepEqual(
      timeline(event, 'en').map((e) => e.label),
      ['resolved'],
    );
  });

  test('affected components keep the names frozen in the updates, else the current "Group - Component"', () => {
    const group = component('web', { isGroup: true, name: 'Web' });
    const components = [component('api', { name: 'API v2' }), group, component('login', { name: 'Login', groupId: group.id })];
    const event = incident('x', {
      componentIds: ['api', 'login'] as ComponentId[],
      updates: [update('investigating', '2025-11-18T09:00:00Z', [['api', 'API', 'major_outage']])],
    });
    assert.deepEqual(affectedNames(event, components), ['API', 'Web - Login']);
  });
});

describe('history pages', () => {
  test('three months a page, newest first, across years', () => {
    assert.deepEqual(historyMonths('2026-02', 1), ['2026-02', '2026-01', '2025-12']);
    assert.deepEqual(historyMonths('2026-02', 2), ['2025-11', '2025-10', '2025-09']);
    assert.equal(addMonths('2025-01', -1), '2024-12');
  });
  test('the pages reach back to the oldest event', () => {
    assert.equal(historyPageCount('2025-11', null), 1);
    assert.equal(historyPageCount('2025-11', '2025-09'), 1);
    assert.equal(historyPageCount('2025-11', '2025-08'), 2);
    assert.equal(historyPageCount('2026-11', '2025-09'), 5);
  });
});

describe('events related to a day', () => {
  test('an event relates to the days it spans, for the components it affects', () => {
    const event = incident('x', {
      componentIds: ['api'] as ComponentId[],
      updates: [update('resolved', '2025-11-19T01:00:00Z'), update('investigating', '2025-11-18T22:00:00Z')],
      resolvedAt: at('2025-11-19T01:00:00Z'),
    });
    const now = at('2025-11-20T12:00:00Z');
    assert.deepEqual(
      relatedEvents('api', '2025-11-18', [event], 'Etc/UTC', now).map((e) => e.id),
      ['x'],
    );
    assert.deepEqual(
      relatedEvents('api', '2025-11-19', [event], 'Etc/UTC', now).map((e) => e.id),
      ['x'],
    );
    assert.deepEqual(relatedEvents('api', '2025-11-20', [event], 'Etc/UTC', now), []);
    assert.deepEqual(relatedEvents('cdn', '2025-11-18', [event], 'Etc/UTC', now), []);
    // In Moscow (UTC+3) the whole event falls on 19 Nov.
    assert.deepEqual(relatedEvents('api', '2025-11-18', [event], 'Europe/Moscow', now), []);
  });
});
