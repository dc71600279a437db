import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { createServer as createTcpServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, test } from 'node:test';
import { FixedClock } from '../../shared/clock.ts';
import { systemActor, type Ctx } from '../../shared/context.ts';
import { silentLogger } from '../../shared/logger.ts';
import { openDatabase, type OpenDatabase } from '../../storage/database.ts';
import { Revisions } from '../../storage/revisions.ts';
import { JobWorker, listJobs } from '../../jobs/index.ts';
import type { Outbound } from '../../outbound/index.ts';
import { createTestDatabase, type TestDatabase } from '../../../test/support/test-db.ts';
import { createTestOutbound } from '../../../test/support/outbound.ts';
import { startDnsServer, type DnsServer } from '../../../test/support/dns-server.ts';
import { ensurePage } from '../page/index.ts';
import { createComponent, findComponent, listStatusChanges, updateComponent } from '../components/index.ts';
import { dailyOutages, loadUptimeSubjects, uptimeForRange } from '../uptime/index.ts';
import { findIncident, postIncidentUpdate } from '../incidents/index.ts';
import {
  checkJobName,
  createMonitor,
  createMonitorHandlers,
  deleteMonitor,
  getMonitor,
  monitorHistory,
  recordHeartbeat,
  rollUpResults,
  testMonitor,
  monitorClients,
  updateMonitor,
  type CreateMonitorInput,
} from './index.ts';

const start = '2025-11-20T12:00:00.000Z';

/** A local HTTP service whose answer the test switches, counting the requests it gets. */
async function startTarget() {
  let status = 200;
  let body = 'all systems go';
  let requests = 0;
  const server: Server = createServer((_req, res) => {
    requests++;
    res.writeHead(status, { 'content-type': 'text/plain' }).end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/health`,
    answer: (next: number, nextBody = body) => ((status = next), (body = nextBody)),
    get requests() {
      return requests;
    },
    close: () => new Promise((resolve) => server.close(resolve)),
  };
}

describe('monitors drive their components', () => {
  let database: TestDatabase;
  let sqliteFile: string;
  let clock: FixedClock;
  let ctx: Ctx;
  let outbound: Outbound;
  let target: Awaited<ReturnType<typeof startTarget>>;
  let worker: JobWorker;
  const extra: OpenDatabase[] = [];

  beforeEach(async () => {
    // A file, so a second connection (another instance) sees the same SQLite database.
    sqliteFile = join(tmpdir(), `aviso-monitors-${randomBytes(6).toString('hex')}.sqlite`);
    database = await createTestDatabase({ sqliteFile });
    clock = new FixedClock(start);
    ctx = { db: database.db, clock, log: silentLogger, actor: systemActor, revisions: new Revisions() };
    await ensurePage(ctx, { name: 'Test', url: 'http://127.0.0.1', timeZone: 'Etc/UTC', defaultLocale: 'en', locales: ['en'] });
    outbound = createTestOutbound();
    target = await startTarget();
    worker = new JobWorker({ ctx, handlers: createMonitorHandlers({ outbound }) });
  });
  afterEach(async () => {
    await outbound.close();
    await target.close();
    for (const db of extra.splice(0)) await db.close();
    await database.close();
    for (const suffix of ['', '-wal', '-shm']) rmSync(sqliteFile + suffix, { force: true });
  });

  const httpMonitor = (componentId: string, extra: Partial<CreateMonitorInput> = {}): CreateMonitorInput => ({
    name: 'API health',
    kind: 'http',
    componentId,
    intervalSeconds: 30,
    timeoutMs: 2000,
    failureThreshold: 2,
    recoveryThreshold: 2,
    failingStatus: 'major_outage',
    allowPrivate: true,
    settings: { url: target.url, keyword: 'go' },
    ...extra,
  });

  /** Moves the clock to the next due check and lets the worker run what is due. */
  async function nextCheck(w: JobWorker = worker): Promise<void> {
    const pending = (await listJobs(ctx.db, { name: checkJobName, status: 'pending' })).sort(
      (a, b) => a.runAt.getTime() - b.runAt.getTime(),
    );
    const due = pending[0];
    assert.ok(due !== undefined, 'a check is scheduled');
    if (due.runAt > clock.now()) clock.set(due.runAt);
    await w.tick();
  }
  const statusOf = async (id: string) => (await findComponent(ctx.db, id))?.status;

  test('an HTTP monitor moves its component after the confirmation threshold, and back after recovery', async () => {
    const api = await createComponent(ctx, { name: 'API' });
    const { monitor } = await createMonitor(ctx, httpMonitor(api.id), { mayAllowPrivate: true });
    await nextCheck();
    assert.equal((await getMonitor(ctx, monitor.id)).status.state, 'up');

    target.answer(500);
    await nextCheck();
    assert.equal(await statusOf(api.id), 'operational', 'one failure is a blip: the page does not flip');
    await nextCheck();
    assert.equal(await statusOf(api.id), 'major_outage', 'the second failure in a row confirms it');
    const view = await getMonitor(ctx, monitor.id);
    assert.equal(view.status.lastReason, 'answered 500, expected 200-299');

    target.answer(200, 'maintenance page');
    await nextCheck();
    assert.equal(await statusOf(api.id), 'major_outage');
    assert.equal((await getMonitor(ctx, monitor.id)).status.lastReason, 'the answer does not contain "go"');
    target.answer(200, 'all systems go');
    await nextCheck();
    assert.equal(await statusOf(api.id), 'major_outage', 'one success is not a recovery yet');
    await nextCheck();
    assert.equal(await statusOf(api.id), 'operational');

    const history = (await listStatusChanges(ctx.db, api.id)).map((c) => [c.status, c.cause, c.causeId]);
    assert.deepEqual(history.slice(1), [
      ['major_outage', 'monitor', monitor.id],
      ['operational', 'monitor', monitor.id],
    ]);
    assert.equal(target.requests, 6);
    const { results } = await monitorHistory(ctx, monitor.id);
    assert.deepEqual(
      results.map((r) => r.outcome),
      ['up', 'down', 'down', 'down', 'up', 'up'],
    );
  });

  test('a slow answer degrades the component to the status the operator chose; the worst of two monitors wins', async () => {
    const api = await createComponent(ctx, { name: 'API' });
    await createMonitor(ctx, httpMonitor(api.id, { failureThreshold: 1, settings: { url: target.url } }), {
      mayAllowPrivate: true,
    });
    const slowServer = createServer((_req, res) => setTimeout(() => res.end('ok'), 30));
    await new Promise<void>((resolve) => slowServer.listen(0, '127.0.0.1', resolve));
    try {
      const slowUrl = `http://127.0.0.1:${(slowServer.address() as AddressInfo).port}/`;
      await createMonitor(ctx, httpMonitor(api.id, { name: 'slow', failureThreshold: 1, settings: { url: slowUrl, maxResponseMs: 5 } }), {
        mayAllowPrivate: true,
      });
      await nextCheck();
      await nextCheck();
      assert.equal(await statusOf(api.id), 'degraded_performance');
      target.answer(503);
      for (let i = 0; i < 2; i++) await nextCheck();
      assert.equal(await statusOf(api.id), 'major_outage', 'the worst signal wins');
      target.answer(200);
      for (let i = 0; i < 4; i++) await nextCheck();
      assert.equal(await statusOf(api.id), 'degraded_performance', 'the slow monitor still holds it');
    } finally {
      await new Promise((resolve) => slowServer.close(resolve));
    }
  });

  test('a status an operator set while a monitor held the component is left alone when the monitor recovers', async () => {
    const api = await createComponent(ctx, { name: 'API' });
    await createMonitor(ctx, httpMonitor(api.id, { failureThreshold: 1, recoveryThreshold: 1 }), { mayAllowPrivate: true });
    target.answer(500);
    await nextCheck();
    assert.equal(await statusOf(api.id), 'major_outage');
    await updateComponent(ctx, api.id, { status: 'partial_outage' });
    target.answer(200);
    await nextCheck();
    assert.equal(await statusOf(api.id), 'partial_outage');
  });

  test('a heartbeat that stops arriving moves its component, and pings bring it back', async () => {
    const backups = await createComponent(ctx, { name: 'Backups' });
    const { monitor, pushToken } = await createMonitor(
      ctx,
      {
        name: 'Nightly backup',
        kind: 'heartbeat',
        componentId: backups.id,
        intervalSeconds: 60,
        timeoutMs: 1000,
        failureThreshold: 2,
        recoveryThreshold: 1,
        settings: { graceSeconds: 30 },
      },
      { mayAllowPrivate: false },
    );
    assert.ok(pushToken !== null);
    for (let i = 0; i < 3; i++) {
      await recordHeartbeat(ctx, pushToken);
      await nextCheck();
    }
    assert.equal(await statusOf(backups.id), 'operational');
    // The script stops calling: silence past the interval and the grace, twice in a row.
    for (let i = 0; i < 3; i++) await nextCheck();
    assert.equal(await statusOf(backups.id), 'major_outage');
    assert.match((await getMonitor(ctx, monitor.id)).status.lastReason ?? '', /^no ping for \d+ s$/);
    await recordHeartbeat(ctx, pushToken);
    await nextCheck();
    assert.equal(await statusOf(backups.id), 'operational');
    await assert.rejects(recordHeartbeat(ctx, 'x'.repeat(32)), { code: 'not_found' });
  });

  test('a check that could not run is "no data", not downtime, in the uptime figure and on the bars', async () => {
    const api = await createComponent(ctx, { name: 'API', startDate: '2025-11-20' });
    const { monitor } = await createMonitor(ctx, httpMonitor(api.id, { failureThreshold: 1 }), { mayAllowPrivate: true });
    await nextCheck();
    target.answer(500);
    await nextCheck();
    assert.equal(await statusOf(api.id), 'major_outage');
    const outageStart = clock.now().getTime();
    // Aviso itself is down for two hours: no check runs; then it comes back and the target has recovered.
    clock.advance(2 * 3600_000);
    target.answer(200);
    await worker.tick();
    const { results } = await monitorHistory(ctx, monitor.id);
    assert.deepEqual(
      results.map((r) => r.outcome),
      ['up', 'down', 'no_data', 'up'],
    );
    const subject = (await loadUptimeSubjects(ctx)).get(api.id)!;
    const [day] = dailyOutages(subject, '2025-11-20', '2025-11-20', 'Etc/UTC', clock.now());
    const missedSeconds = day!.noDataSeconds;
    assert.ok(missedSeconds > 7000 && missedSeconds <= 7200, `about two hours without data (${missedSeconds} s)`);
    assert.ok(
      day!.majorSeconds < 60,
      `the down time counted is the half minute before Aviso stopped (${day!.majorSeconds} s), not two hours`,
    );
    assert.ok(clock.now().getTime() - outageStart > 7000_000);
    const withoutGaps = { ...subject, noData: [] };
    assert.ok(
      uptimeForRange(subject, '2025-11-20', '2025-11-20', 'Etc/UTC', clock.now()).percent! >
        uptimeForRange(withoutGaps, '2025-11-20', '2025-11-20', 'Etc/UTC', clock.now()).percent!,
    );
  });

  test('two instances on one database run each check exactly once per interval', async () => {
    const api = await createComponent(ctx, { name: 'API' });
    await createMonitor(ctx, httpMonitor(api.id), { mayAllowPrivate: true });
    const second = openDatabase(database.target);
    extra.push(second);
    const recurring = [{ name: 'monitors.ensure-scheduled', everyMs: 60_000 }];
    const handlers = createMonitorHandlers({ outbound });
    const a = new JobWorker({ ctx, handlers, recurring, id: 'a' });
    const b = new JobWorker({ ctx: { ...ctx, db: second.db }, handlers, recurring, id: 'b' });
    for (let slot = 0; slot < 10; slot++) {
      const pending = (await listJobs(ctx.db, { name: checkJobName, status: 'pending' })).sort(
        (x, y) => x.runAt.getTime() - y.runAt.getTime(),
      );
      clock.set(pending[0]!.runAt);
      await Promise.all([a.tick(), b.tick()]);
    }
    assert.equal(target.requests, 10, 'ten intervals, ten requests, whichever instance ran them');
  });

  test('TCP, DNS and TLS monitors report what a local server, resolver and certificate show', async () => {
    const tcp = createTcpServer((socket) => socket.end());
    await new Promise<void>((resolve) => tcp.listen(0, '127.0.0.1', resolve));
    const dns: DnsServer = await startDnsServer({ 'api.example.com': { A: ['93.184.215.14'] } });
    const clients = monitorClients(outbound);
    try {
      const port = (tcp.address() as AddressInfo).port;
      const make = (input: CreateMonitorInput) => createMonitor(ctx, { allowPrivate: true, ...input }, { mayAllowPrivate: true });
      const open = await make({ name: 'tcp', kind: 'tcp', settings: { host: '127.0.0.1', port } });
      assert.equal((await testMonitor(ctx, open.monitor.id, clients)).outcome, 'up');
      await new Promise((resolve) => tcp.close(resolve));
      const closed = await testMonitor(ctx, open.monitor.id, clients);
      assert.deepEqual([closed.outcome, closed.reason], ['down', 'connection refused']);

      const right = await make({
        name: 'dns',
        kind: 'dns',
        settings: { name: 'api.example.com', expected: '93.184.215.14', resolver: dns.address },
      });
      assert.equal((await testMonitor(ctx, right.monitor.id, clients)).outcome, 'up');
      const wrong = await make({
        name: 'dns2',
        kind: 'dns',
        settings: { name: 'api.example.com', expected: '93.184.215.15', resolver: dns.address },
      });
      assert.equal((await testMonitor(ctx, wrong.monitor.id, clients)).reason, 'A answered 93.184.215.14, expected 93.184.215.15');
      const missing = await make({ name: 'dns3', kind: 'dns', settings: { name: 'gone.example.com', resolver: dns.address } });
      assert.equal((await testMonitor(ctx, missing.monitor.id, clients)).reason, 'gone.example.com does not exist');
    } finally {
      tcp.close();
      await dns.close();
    }
  });

  test('a monitor reaches private addresses only with permission, and refusing says why without naming the address', async () => {
    await assert.rejects(createMonitor(ctx, httpMonitor(null as never, { componentId: null }), { mayAllowPrivate: false }), {
      code: 'forbidden',
    });
    const { monitor } = await createMonitor(ctx, httpMonitor(null as never, { componentId: null, allowPrivate: false }), {
      mayAllowPrivate: false,
    });
    const result = await testMonitor(ctx, monitor.id, monitorClients(outbound));
    assert.deepEqual([result.outcome, result.reason], ['down', 'the address is not public']);
    assert.equal(target.requests, 0);
  });

  test('invalid monitors are refused with the field named, and nothing is written', async () => {
    await assert.rejects(
      createMonitor(ctx, { name: 'x', kind: 'http', settings: { url: 'ftp://example.com' } }, { mayAllowPrivate: true }),
      (error: { issues?: { path: unknown[] }[] }) => {
        assert.deepEqual(error.issues?.[0]?.path, ['settings', 'url']);
        return true;
      },
    );
    await assert.rejects(
      createMonitor(
        ctx,
        { name: 'x', kind: 'tcp', intervalSeconds: 10, timeoutMs: 10_000, settings: { host: 'example.com', port: 1 } },
        { mayAllowPrivate: true },
      ),
      { code: 'validation_failed' },
    );
    const group = await createComponent(ctx, { name: 'Leaf' });
    await assert.rejects(
      createMonitor(
        ctx,
        { name: 'x', kind: 'tcp', componentId: 'aaaaaaaaaaaa', settings: { host: 'example.com', port: 1 } },
        { mayAllowPrivate: true },
      ),
      { code: 'component_not_found' },
    );
    assert.ok(group);
    assert.deepEqual(await listJobs(ctx.db, { name: checkJobName }), []);
  });

  test('pausing or deleting a monitor gives its component back', async () => {
    const api = await createComponent(ctx, { name: 'API' });
    const { monitor } = await createMonitor(ctx, httpMonitor(api.id, { failureThreshold: 1 }), { mayAllowPrivate: true });
    target.answer(500);
    await nextCheck();
    assert.equal(await statusOf(api.id), 'major_outage');
    await updateMonitor(ctx, monitor.id, { paused: true }, { mayAllowPrivate: true });
    assert.equal(await statusOf(api.id), 'operational');
    await updateMonitor(ctx, monitor.id, { paused: false }, { mayAllowPrivate: true });
    await nextCheck();
    assert.equal(await statusOf(api.id), 'major_outage');
    await deleteMonitor(ctx, monitor.id);
    assert.equal(await statusOf(api.id), 'operational');
  });

  test('results older than a day become hourly, then daily aggregates, and go after the retention', async () => {
    const { monitor } = await createMonitor(ctx, httpMonitor(null as never, { componentId: null }), { mayAllowPrivate: true });
    for (let i = 0; i < 4; i++) await nextCheck();
    clock.advance(25 * 3600_000);
    await rollUpResults(ctx);
    let history = await monitorHistory(ctx, monitor.id);
    assert.equal(history.results.length, 0);
    assert.equal(
      history.hours.reduce((n, h) => n + h.upCount, 0),
      4,
    );
    await rollUpResults(ctx);
    history = await monitorHistory(ctx, monitor.id);
    assert.equal(
      history.hours.reduce((n, h) => n + h.upCount, 0),
      4,
      'a second run adds nothing twice',
    );
    clock.advance(31 * 24 * 3600_000);
    await rollUpResults(ctx);
    history = await monitorHistory(ctx, monitor.id);
    assert.deepEqual([history.hours.length, history.days.reduce((n, d) => n + d.upCount, 0)], [0, 4]);
    clock.advance(400 * 24 * 3600_000);
    await rollUpResults(ctx);
    assert.equal((await monitorHistory(ctx, monitor.id)).days.length, 0);
  });

  test('an automatic incident opens when the component goes down, resolves on recovery, and stops following once a person posts', async () => {
    const api = await createComponent(ctx, { name: 'API' });
    const { monitor } = await createMonitor(ctx, httpMonitor(api.id, { failureThreshold: 1, recoveryThreshold: 1, autoIncident: true }), {
      mayAllowPrivate: true,
    });
    target.answer(502);
    await nextCheck();
    const opened = (await getMonitor(ctx, monitor.id)).status.incidentId;
    assert.ok(opened !== null);
    let incident = await findIncident(ctx.db, opened);
    assert.deepEqual([incident?.name, incident?.status, incident?.componentIds], ['API is down', 'investigating', [api.id]]);
    assert.match(incident?.updates[0]?.body ?? '', /answered 502/);
    target.answer(200);
    await nextCheck();
    incident = await findIncident(ctx.db, opened);
    assert.equal(incident?.status, 'resolved');
    assert.equal((await getMonitor(ctx, monitor.id)).status.incidentId, null);

    // The next outage opens a new incident; an operator takes it over by posting on it.
    target.answer(502);
    await nextCheck();
    const second = (await getMonitor(ctx, monitor.id)).status.incidentId!;
    assert.notEqual(second, opened);
    await postIncidentUpdate({ ...ctx, actor: { kind: 'user', id: 'u1', name: 'Ana' } }, second, {
      status: 'identified',
      body: 'A bad deploy; rolling back.',
    });
    target.answer(200);
    await nextCheck();
    incident = await findIncident(ctx.db, second);
    assert.equal(incident?.status, 'identified', 'automation never resolves an incident a person has taken over');
    assert.equal(await statusOf(api.id), 'operational', 'the component still follows the monitor');
  });
});
