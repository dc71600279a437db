import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { openIncident, postIncidentUpdate, scheduleMaintenance } from '../../modules/incidents/index.ts';
import { buildScenario, createPublicApp, type PublicApp, type Scenario } from '../../../test/support/public-scenario.ts';
import { summarySchema, incidentsDocumentSchema, maintenancesDocumentSchema, componentsDocumentSchema } from './contract-schemas.ts';

describe('API v2 answers what Statuspage clients read', () => {
  let app: PublicApp;
  let s: Scenario;
  before(async () => {
    app = await createPublicApp();
    s = await buildScenario(app);
  });
  after(() => app.close());
  const get = (url: string, headers: Record<string, string> = {}) => app.aviso.app.inject({ method: 'GET', url, headers });

  it('summary lists unresolved incidents and upcoming or running maintenances, and the rollup over leaf components', async () => {
    const summary = summarySchema.parse((await get('/api/v2/summary.json')).json());
    assert.deepEqual(
      summary.incidents.map((i) => i.id),
      [s.activeIncident.id],
    );
    // Soonest first: the running one, then the next.
    assert.deepEqual(
      summary.scheduled_maintenances.map((m) => m.id),
      [s.activeMaintenance.id, s.upcomingMaintenance.id],
    );
    // One partial outage and one maintenance among four components.
    assert.deepEqual(summary.status, { indicator: 'minor', description: 'Minor Service Outage' });
    const group = summary.components.find((c) => c.id === s.web.id);
    assert.equal(group?.group, true);
    assert.deepEqual(group?.components, [s.dashboard.id, s.login.id]);
    assert.equal(group?.status, 'partial_outage');
    assert.equal(summary.components.find((c) => c.id === s.login.id)?.group_id, s.web.id);
  });

  it('shows updates newest first, with components frozen as "Group - Component" and null when none changed', async () => {
    const { incidents } = incidentsDocumentSchema.parse((await get('/api/v2/incidents/unresolved.json')).json());
    const incident = incidents[0]!;
    assert.deepEqual(
      incident.incident_updates.map((u) => u.status),
      ['identified', 'identified', 'investigating'],
    );
    assert.equal(incident.incident_updates[0]!.affected_components, null);
    assert.deepEqual(incident.incident_updates[2]!.affected_components, [
      { code: s.dashboard.id, name: 'Web app - Dashboard', old_status: 'operational', new_status: 'partial_outage' },
    ]);
    assert.deepEqual(
      (incident.components ?? []).map((c) => [c.id, c.status]),
      [[s.dashboard.id, 'partial_outage']],
    );
    assert.equal(incident.shortlink, `http://127.0.0.1/incidents/${incident.id}`);
    assert.equal(incident.started_at, '2025-11-20T10:00:00.000Z');
  });

  it('lists resolved incidents too, a published postmortem as the postmortem status without its text', async () => {
    const response = await get('/api/v2/incidents.json');
    const { incidents } = incidentsDocumentSchema.parse(response.json());
    assert.deepEqual(
      incidents.map((i) => i.id),
      [s.activeIncident.id, s.pastIncident.id],
    );
    const past = incidents[1]!;
    assert.equal(past.status, 'postmortem');
    assert.equal(past.resolved_at, '2025-11-18T09:15:00.000Z');
    assert.doesNotMatch(response.body, /bad deploy/);
  });

  it('splits maintenances into all, upcoming and active, with their windows', async () => {
    const all = maintenancesDocumentSchema.parse((await get('/api/v2/scheduled-maintenances.json')).json()).scheduled_maintenances;
    assert.equal(all.length, 4);
    const upcoming = maintenancesDocumentSchema.parse(
      (await get('/api/v2/scheduled-maintenances/upcoming.json')).json(),
    ).scheduled_maintenances;
    assert.deepEqual(
      upcoming.map((m) => [m.id, m.status, m.impact, m.scheduled_for, m.scheduled_until]),
      [[s.upcomingMaintenance.id, 'scheduled', 'maintenance', '2025-11-27T02:00:00.000Z', '2025-11-27T04:00:00.000Z']],
    );
    const active = maintenancesDocumentSchema.parse(
      (await get('/api/v2/scheduled-maintenances/active.json')).json(),
    ).scheduled_maintenances;
    assert.deepEqual(
      active.map((m) => [m.id, m.status]),
      [[s.activeMaintenance.id, 'in_progress']],
    );
  });

  it('answers the same paths without .json', async () => {
    const withSuffix = await get('/api/v2/components.json');
    const without = await get('/api/v2/components');
    assert.equal(without.statusCode, 200);
    assert.equal(without.body, withSuffix.body);
    componentsDocumentSchema.parse(without.json());
  });

  it('serves JSON in UTF-8, readable from any origin, with a validator and a short shared cache life', async () => {
    const response = await get('/api/v2/status.json', { origin: 'https://dashboard.example' });
    assert.equal(response.headers['content-type'], 'application/json; charset=utf-8');
    assert.equal(response.headers['access-control-allow-origin'], '*');
    assert.match(String(response.headers['cache-control']), /^public, max-age=\d+/);
    assert.match(String(response.headers['etag']), /^"[\w-]+"$/);
  });

  it('answers a CORS preflight for conditional requests from script', async () => {
    const response = await app.aviso.app.inject({
      method: 'OPTIONS',
      url: '/api/v2/summary.json',
      headers: {
        origin: 'https://dashboard.example',
        'access-control-request-method': 'GET',
        'access-control-request-headers': 'if-none-match',
      },
    });
    assert.equal(response.statusCode, 204);
    assert.equal(response.headers['access-control-allow-origin'], '*');
    assert.match(String(response.headers['access-control-allow-methods']), /GET/);
    assert.equal(response.headers['access-control-allow-headers'], 'if-none-match');
    assert.ok(Number(response.headers['access-control-max-age']) > 0);
  });

  it('answers 304 to a client that has the current copy, and a new copy after a change', async () => {
    const first = await get('/api/v2/summary.json');
    const etag = String(first.headers['etag']);
    const again = await get('/api/v2/summary.json', { 'if-none-match': etag });
    assert.equal(again.statusCode, 304);
    assert.equal(again.body, '');
    assert.equal(again.headers['access-control-allow-origin'], '*');

    app.clock.set('2025-11-20T12:05:00.000Z');
    await postIncidentUpdate(app.appCtx, s.activeIncident.id, { status: 'monitoring', components: { [s.dashboard.id]: 'operational' } });
    const changed = await get('/api/v2/summary.json', { 'if-none-match': etag });
    assert.equal(changed.statusCode, 200);
    assert.notEqual(changed.headers['etag'], etag);
    const summary = summarySchema.parse(changed.json());
    assert.equal(summary.incidents[0]!.status, 'monitoring');
    assert.equal(summary.incidents[0]!.monitoring_at, '2025-11-20T12:05:00.000Z');
  });

  it('answers HEAD, and preflights on every public read, not only the API', async () => {
    const head = await app.aviso.app.inject({ method: 'HEAD', url: '/api/v2/summary.json' });
    assert.equal(head.statusCode, 200);
    assert.equal(head.body, '');
    assert.ok(head.headers['etag']);
    for (const url of ['/history.atom', '/history.rss', '/maintenances.ics', '/badge.svg', '/embed.js']) {
      const response = await app.aviso.app.inject({
        method: 'OPTIONS',
        url,
        headers: { origin: 'https://x.example', 'access-control-request-method': 'GET' },
      });
      assert.equal(response.statusCode, 204, url);
      assert.equal(response.headers['access-control-allow-origin'], '*', url);
    }
  });

  it('lets a cross-origin client read why a request failed', async () => {
    const response = await get('/badge.svg?component=000000000000');
    assert.equal(response.statusCode, 404);
    assert.equal(response.headers['access-control-allow-origin'], '*');
  });

  it('compresses for clients that ask', async () => {
    const response = await get('/api/v2/summary.json', { 'accept-encoding': 'gzip' });
    assert.equal(response.headers['content-encoding'], 'gzip');
  });
});

describe('API v2 list caps', () => {
  let app: PublicApp;
  before(async () => {
    app = await createPublicApp();
  });
  after(() => app.close());

  it('returns the 50 most recent incidents, newest first', async () => {
    for (let i = 0; i < 53; i++) {
      app.clock.set(new Date(Date.UTC(2025, 9, 1) + i * 3_600_000));
      await openIncident(app.appCtx, { name: `Incident ${i}`, status: i < 50 ? 'resolved' : 'investigating' });
    }
    const { incidents } = incidentsDocumentSchema.parse((await app.aviso.app.inject('/api/v2/incidents.json')).json());
    assert.equal(incidents.length, 50);
    assert.equal(incidents[0]!.name, 'Incident 52');
    assert.equal(incidents[49]!.name, 'Incident 3');
  });

  it('lists upcoming maintenances soonest first, all maintenances most recent first', async () => {
    app.clock.set('2025-11-20T12:00:00.000Z');
    const windows = ['2025-12-15T02:00:00.000Z', '2025-11-22T02:00:00.000Z', '2025-11-27T02:00:00.000Z'];
    for (const [i, scheduledFor] of windows.entries()) {
      const until = new Date(Date.parse(scheduledFor) + 3_600_000);
      await scheduleMaintenance(app.appCtx, { name: `Window ${i}`, scheduledFor, scheduledUntil: until });
    }
    const upcoming = maintenancesDocumentSchema.parse((await app.aviso.app.inject('/api/v2/scheduled-maintenances/upcoming.json')).json());
    assert.deepEqual(
      upcoming.scheduled_maintenances.map((m) => m.scheduled_for),
      [windows[1], windows[2], windows[0]],
    );
    const all = maintenancesDocumentSchema.parse((await app.aviso.app.inject('/api/v2/scheduled-maintenances.json')).json());
    assert.deepEqual(
      all.scheduled_maintenances.map((m) => m.scheduled_for),
      [windows[0], windows[2], windows[1]],
    );
  });
});
