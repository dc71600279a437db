import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { test } from 'node:test';
import { cliEnvironment } from '../../test/support/cli.ts';
import { assertBuilt, startServerProcess } from '../../test/support/server-process.ts';
import { countDeliveries } from './count-deliveries.ts';
import { createMetrics } from './aviso-metrics.ts';
import { openDatabase } from '../storage/database.ts';

const token = 'metrics-token-for-the-test-0123';

function sample(text: string, series: string): number {
  const line = text.split('\n').find((l) => l.startsWith(`${series} `));
  return line === undefined ? 0 : Number(line.slice(series.length + 1));
}

test('/metrics of a running Aviso passes promtool, needs its token, and counts requests as they come', async (t) => {
  assertBuilt();
  const { env, close } = await cliEnvironment('aviso-metrics-');
  const server = await startServerProcess({ ...env, AVISO_EXAMPLE: 'kinescope', AVISO_METRICS_TOKEN: token });
  t.after(async () => {
    server.child.kill('SIGTERM');
    await server.exited;
    await close();
  });
  const scrape = async () => {
    const response = await fetch(`${server.baseUrl}/metrics`, { headers: { authorization: `Bearer ${token}` } });
    assert.equal(response.status, 200);
    assert.match(response.headers.get('content-type') ?? '', /^text\/plain; version=0\.0\.4/);
    return response.text();
  };

  const refused = await fetch(`${server.baseUrl}/metrics`, { headers: { authorization: 'Bearer wrong-token-wrong-token' } });
  assert.equal(refused.status, 401);
  assert.equal(((await refused.json()) as { error: { code: string } }).error.code, 'unauthorized');
  assert.equal((await fetch(`${server.baseUrl}/metrics`)).status, 401);

  const before = await scrape();
  const checked = spawnSync('promtool', ['check', 'metrics'], { input: before, encoding: 'utf8' });
  assert.equal(checked.status, 0, `promtool check metrics: ${checked.stdout}${checked.stderr}`);
  for (const name of [
    'aviso_http_request_duration_seconds_bucket',
    'aviso_response_cache_events_total',
    'aviso_data_revision',
    'aviso_data_revision_age_seconds',
    'aviso_jobs{status="pending"}',
    'aviso_jobs_lag_seconds',
    'aviso_notification_deliveries_total',
    'aviso_database_pool_connections',
    'aviso_database_query_errors_total',
    'process_resident_memory_bytes',
    'nodejs_array_buffers_bytes',
  ])
    assert.ok(before.includes(name), `${name} is exported`);

  const home = 'aviso_http_requests_total{method="GET",route="/",status="200"}';
  const hits = 'aviso_response_cache_events_total{event="hit"}';
  for (let i = 0; i < 5; i++) assert.equal((await fetch(`${server.baseUrl}/`)).status, 200);
  const incident = await fetch(`${server.baseUrl}/incidents/no-such-incident`);
  assert.equal(incident.status, 404);
  const after = await scrape();
  assert.equal(sample(after, home) - sample(before, home), 5);
  assert.ok(sample(after, hits) - sample(before, hits) >= 4, 'repeated pages are served from the cache');
  assert.equal(
    sample(after, 'aviso_http_requests_total{method="GET",route="/incidents/:id",status="404"}'),
    1,
    'one series per route pattern',
  );
  assert.ok(sample(after, 'aviso_data_revision') >= 1);
  assert.ok(sample(after, 'nodejs_array_buffers_bytes') > 0, 'the cached pages are Buffers, counted apart from the JS heap');
});

test('one access-log line per request carries the request id the response echoes', async (t) => {
  assertBuilt();
  const { env, close } = await cliEnvironment('aviso-access-');
  const server = await startServerProcess({ ...env, AVISO_EXAMPLE: 'none', AVISO_ACCESS_LOG: 'all' });
  t.after(async () => {
    server.child.kill('SIGTERM');
    await server.exited;
    await close();
  });
  const given = await fetch(`${server.baseUrl}/healthz`, { headers: { 'x-request-id': 'proxy-chosen-id.42' } });
  assert.equal(given.headers.get('x-request-id'), 'proxy-chosen-id.42', 'an id from the proxy in front is kept');
  const made = await fetch(`${server.baseUrl}/api/v2/summary.json`);
  const id = made.headers.get('x-request-id') ?? '';
  assert.match(id, /^[A-Za-z0-9_-]{12}$/);
  const unsafe = await fetch(`${server.baseUrl}/healthz`, { headers: { 'x-request-id': 'bad id with spaces' } });
  assert.notEqual(unsafe.headers.get('x-request-id'), 'bad id with spaces');

  await new Promise((resolve) => setTimeout(resolve, 200));
  const lines = server
    .output()
    .split('\n')
    .filter((l) => l.includes('"msg":"request"'))
    .map((l) => JSON.parse(l) as Record<string, unknown>);
  const line = lines.filter((l) => l['reqId'] === id);
  assert.equal(line.length, 1, 'exactly one line for the request');
  assert.equal(line[0]?.['url'], '/api/v2/summary.json');
  assert.equal(line[0]?.['status'], 200);
  assert.equal(typeof line[0]?.['ms'], 'number');
  assert.equal(lines.filter((l) => l['reqId'] === 'proxy-chosen-id.42').length, 1);
});

test('delivery attempts are counted by channel and outcome', async () => {
  const database = openDatabase({ kind: 'sqlite', file: ':memory:' });
  const metrics = createMetrics({ database, processMetrics: false });
  const results = [
    { ok: true as const },
    { ok: false as const, retryable: true, reason: 'timeout' },
    { ok: false as const, retryable: false, reason: '410' },
  ];
  const channels = countDeliveries({ webhook: { kind: 'webhook', send: async () => results.shift()! } }, metrics);
  for (let i = 0; i < 3; i++) await channels.webhook!.send({} as never);
  const text = await metrics.registry.metrics();
  for (const outcome of ['sent', 'failed_retryable', 'failed_permanent'])
    assert.equal(sample(text, `aviso_notification_deliveries_total{channel="webhook",outcome="${outcome}"}`), 1);
  await database.close();
});
