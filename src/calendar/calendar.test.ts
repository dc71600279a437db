import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import ICAL from 'ical.js';
import { editIncidentUpdate, postIncidentUpdate, scheduleMaintenance, updateIncident } from '../modules/incidents/index.ts';
import { buildScenario, createPublicApp, type PublicApp, type Scenario } from '../../test/support/public-scenario.ts';
import { foldLine } from './ical-text.ts';

interface Event {
  uid: string;
  summary: string;
  status: string;
  sequence: number;
  start: string;
  end: string;
  description: string;
  url: string;
}

function parseCalendar(text: string): Event[] {
  const calendar = new ICAL.Component(ICAL.parse(text));
  assert.equal(calendar.getFirstPropertyValue('version'), '2.0');
  return calendar.getAllSubcomponents('vevent').map((vevent) => {
    const event = new ICAL.Event(vevent);
    return {
      uid: event.uid,
      summary: event.summary,
      status: String(vevent.getFirstPropertyValue('status')),
      sequence: event.sequence,
      start: event.startDate.toJSDate().toISOString(),
      end: event.endDate.toJSDate().toISOString(),
      description: event.description,
      url: String(vevent.getFirstPropertyValue('url')),
    };
  });
}

describe('/maintenances.ics', () => {
  let app: PublicApp;
  let s: Scenario;
  before(async () => {
    app = await createPublicApp();
    s = await buildScenario(app);
  });
  after(() => app.close());
  const calendar = async () => {
    const response = await app.aviso.app.inject('/maintenances.ics');
    assert.equal(response.statusCode, 200);
    assert.equal(response.headers['content-type'], 'text/calendar; charset=utf-8');
    return response.body;
  };
  const eventOf = async (id: string) => parseCalendar(await calendar()).find((e) => e.uid === `${id}@127.0.0.1`);

  it('lists every maintenance as an event with a stable UID, its window in UTC and a link', async () => {
    const events = parseCalendar(await calendar());
    assert.equal(events.length, 4);
    const upcoming = events.find((e) => e.uid === `${s.upcomingMaintenance.id}@127.0.0.1`);
    assert.deepEqual(
      { summary: upcoming?.summary, start: upcoming?.start, end: upcoming?.end, status: upcoming?.status, url: upcoming?.url },
      {
        summary: 'API gateway upgrade',
        start: '2025-11-27T02:00:00.000Z',
        end: '2025-11-27T04:00:00.000Z',
        status: 'CONFIRMED',
        url: `http://127.0.0.1/incidents/${s.upcomingMaintenance.id}`,
      },
    );
    assert.match(
      upcoming?.description ?? '',
      /^The API may refuse requests for up to five minutes\.\n\nhttp:\/\/127\.0\.0\.1\/incidents\//,
    );
  });

  it('marks a maintenance called off before its window as cancelled, and a finished one as confirmed', async () => {
    assert.equal((await eventOf(s.cancelledMaintenance.id))?.status, 'CANCELLED');
    assert.equal((await eventOf(s.completedMaintenance.id))?.status, 'CONFIRMED');
  });

  it('raises SEQUENCE on every change a calendar shows: an update, a rename, an edited text', async () => {
    const id = s.upcomingMaintenance.id;
    const seen = [(await eventOf(id))!.sequence];
    app.clock.set('2025-11-20T12:30:00.000Z');
    await updateIncident(app.appCtx, id, { name: 'API gateway upgrade (extended)' });
    seen.push((await eventOf(id))!.sequence);
    app.clock.set('2025-11-20T12:30:01.000Z');
    const updated = await postIncidentUpdate(app.appCtx, id, { status: 'scheduled', body: 'Now up to ten minutes.' });
    seen.push((await eventOf(id))!.sequence);
    app.clock.set('2025-11-20T12:40:00.000Z');
    await editIncidentUpdate(app.appCtx, id, updated.updates[0]!.id, { body: 'Now up to fifteen minutes.' });
    const last = (await eventOf(id))!;
    seen.push(last.sequence);
    assert.ok(
      seen.every((n, i) => i === 0 || n > seen[i - 1]!),
      `sequence should grow: ${seen.join(', ')}`,
    );
    assert.equal(last.summary, 'API gateway upgrade (extended)');
    assert.match(last.description, /^Now up to fifteen minutes\./);
  });

  it('writes CRLF lines of at most 75 octets, escaping text', async () => {
    app.clock.set('2025-11-20T13:00:00.000Z');
    const long = await scheduleMaintenance(app.appCtx, {
      name: 'Замена оборудования; этап 2, часть "б"',
      body: `Line one\nLine two with a comma, a semicolon; and a backslash \\ ${'длинный текст '.repeat(20)}`,
      scheduledFor: '2025-12-01T00:00:00.000Z',
      scheduledUntil: '2025-12-01T01:00:00.000Z',
    });
    const text = await calendar();
    assert.ok(text.endsWith('\r\n'));
    for (const line of text.split('\r\n')) assert.ok(Buffer.byteLength(line) <= 75, `too long: ${line}`);
    assert.doesNotMatch(text.replace(/\r\n/g, ''), /\n/);
    const event = parseCalendar(text).find((e) => e.uid.startsWith(long.id));
    assert.equal(event?.summary, 'Замена оборудования; этап 2, часть "б"');
    assert.match(event?.description ?? '', /^Line one\nLine two with a comma, a semicolon; and a backslash \\ длинный/);
  });

  it('folds without splitting a character', () => {
    const folded = foldLine(`DESCRIPTION:${'é'.repeat(80)}`);
    for (const line of folded.split('\r\n')) {
      assert.ok(Buffer.byteLength(line) <= 75);
      assert.doesNotMatch(line, /\uFFFD/);
    }
    assert.equal(
      folded
        .split('\r\n')
        .map((l, i) => (i === 0 ? l : l.slice(1)))
        .join(''),
      `DESCRIPTION:${'é'.repeat(80)}`,
    );
  });

  it('is served from the per-revision cache with a validator', async () => {
    const first = await app.aviso.app.inject('/maintenances.ics');
    const again = await app.aviso.app.inject({ url: '/maintenances.ics', headers: { 'if-none-match': String(first.headers['etag']) } });
    assert.equal(again.statusCode, 304);
  });
});
