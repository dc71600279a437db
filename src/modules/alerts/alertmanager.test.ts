import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { createApiTestApp, type ApiTestApp } from '../../../test/support/api-test-app.ts';
import { eventually } from '../../../test/support/eventually.ts';

/**
 * A real Prometheus Alertmanager (Debian's `prometheus-alertmanager`), with its own config and
 * storage, sends its webhook (version 4) to Aviso's receiver URL on 127.0.0.1.
 */
const alertmanagerBinary = '/usr/bin/prometheus-alertmanager';

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

let t: ApiTestApp;
let alertmanager: ChildProcess;
let alertmanagerUrl: string;
let dir: string;
let output = '';
let apiId: string;
let searchId: string;

const call = async (method: 'GET' | 'POST', url: string, body?: object) =>
  t.aviso.app.inject({ method, url, headers: { authorization: `Bearer ${t.writeKey}` }, ...(body !== undefined && { payload: body }) });
const statusOf = async (id: string) => (await call('GET', `/api/v1/components/${id}`)).json().status as string;

before(async () => {
  t = await createApiTestApp();
  await t.aviso.app.listen({ host: '127.0.0.1', port: 0 });
  const avisoPort = (t.aviso.app.server.address() as AddressInfo).port;
  apiId = (await call('POST', '/api/v1/components', { name: 'API' })).json().id;
  searchId = (await call('POST', '/api/v1/components', { name: 'Search' })).json().id;
  const receiver = await call('POST', '/api/v1/alert-receivers', {
    name: 'Alertmanager',
    rules: [
      { matchers: ['service="api"'], componentId: apiId, autoIncident: true },
      { matchers: ['service=~"search|indexer"'], componentId: searchId },
    ],
  });
  assert.equal(receiver.statusCode, 201, receiver.body);
  const webhook = `http://127.0.0.1:${avisoPort}${new URL(receiver.json().url as string).pathname}`;

  dir = mkdtempSync(join(tmpdir(), 'aviso-alertmanager-'));
  // The snippet docs/alert-receivers.md shows, with short timings so the test runs in seconds.
  writeFileSync(
    join(dir, 'alertmanager.yml'),
    `global:
  resolve_timeout: 5s
route:
  receiver: aviso
  group_by: [alertname, service]
  group_wait: 100ms
  group_interval: 1s
  repeat_interval: 1h
receivers:
  - name: aviso
    webhook_configs:
      - url: ${webhook}
        send_resolved: true
`,
  );
  const port = await freePort();
  alertmanagerUrl = `http://127.0.0.1:${port}`;
  alertmanager = spawn(
    alertmanagerBinary,
    [
      `--config.file=${join(dir, 'alertmanager.yml')}`,
      `--storage.path=${join(dir, 'data')}`,
      `--web.listen-address=127.0.0.1:${port}`,
      '--cluster.listen-address=',
    ],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  alertmanager.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  alertmanager.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  await eventually(
    'Alertmanager is ready',
    async () => (await fetch(`${alertmanagerUrl}/-/ready`).catch(() => undefined))?.ok === true,
    20_000,
  ).catch((error: unknown) => {
    throw new Error(`${String(error)}\n${output}`);
  });
});

after(async () => {
  if (alertmanager !== undefined && alertmanager.exitCode === null) {
    const exited = new Promise((resolve) => alertmanager.once('exit', resolve));
    alertmanager.kill('SIGTERM');
    await exited;
  }
  await t?.close();
  if (dir !== undefined) rmSync(dir, { recursive: true, force: true });
});

async function postAlerts(alerts: object[]): Promise<void> {
  const response = await fetch(`${alertmanagerUrl}/api/v2/alerts`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(alerts),
  });
  assert.equal(response.status, 200, await response.text());
}

const alert = (labels: Record<string, string>, endsAt?: Date) => ({
  labels: { alertname: 'HighErrorRate', ...labels },
  annotations: { summary: `5xx above 5% on ${labels.service}` },
  startsAt: new Date(Date.now() - 60_000).toISOString(),
  ...(endsAt !== undefined && { endsAt: endsAt.toISOString() }),
});

test('a firing alert from a real Alertmanager moves the mapped component and opens an incident; the resolved alert restores it and resolves the incident', async () => {
  const critical = alert({ service: 'api', severity: 'critical' });
  await postAlerts([critical]);
  await eventually('API is in a major outage', async () => (await statusOf(apiId)) === 'major_outage', 15_000);
  assert.equal(await statusOf(searchId), 'operational', 'an alert moves only the component its rule names');
  const incidents = async () =>
    (await call('GET', '/api/v1/incidents')).json().incidents as { name: string; status: string; updates: { status: string }[] }[];
  const [incident] = await incidents();
  assert.deepEqual([incident?.name, incident?.status], ['API is down', 'investigating']);

  // A warning on the same component overlaps: the worst (critical) still wins.
  const warning = alert({ service: 'api', severity: 'warning', alertname: 'SlowRequests' });
  await postAlerts([warning]);
  await new Promise((resolve) => setTimeout(resolve, 1500));
  assert.equal(await statusOf(apiId), 'major_outage');

  // The critical alert ends (endsAt in the past): Alertmanager sends it resolved; the warning still holds.
  await postAlerts([{ ...critical, endsAt: new Date(Date.now() - 1000).toISOString() }]);
  await eventually('API is back to the warning', async () => (await statusOf(apiId)) === 'degraded_performance', 15_000);
  await postAlerts([{ ...warning, endsAt: new Date(Date.now() - 1000).toISOString() }]);
  await eventually('API is operational again', async () => (await statusOf(apiId)) === 'operational', 15_000);
  const after = await incidents();
  assert.equal(after.length, 1, 'one incident for the whole outage');
  assert.deepEqual(
    [after[0]!.name, after[0]!.status, after[0]!.updates.map((u) => u.status).sort()],
    [
      'API is down',
      'resolved',
      // Opened on the critical alert, updated when only the warning held it, resolved when that ended (the test's clock is fixed, so sorted).
      ['investigating', 'investigating', 'resolved'],
    ],
  );

  // The component's history says what moved it.
  const changes = (await call('GET', `/api/v1/audit-events?entityType=component`)).json().auditEvents as {
    entityId: string;
    actor: { name: string };
  }[];
  const byReceiver = changes.filter((e) => e.entityId === apiId && e.actor.name === 'Alert receiver “Alertmanager”');
  assert.equal(byReceiver.length, 3, JSON.stringify(changes));
});
