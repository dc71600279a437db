import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, test } from 'node:test';
import type { Outbound } from '../../../outbound/index.ts';
import { createTestOutbound } from '../../../../test/support/outbound.ts';
import { httpSettingsSchema, type JsonAssertion } from '../monitor.ts';
import { checkHttp } from './http-check.ts';

/** A local service answering each path with a fixed body, as a status API would. */
const answers: Record<string, { type: string; body: string }> = {
  '/status.json': {
    type: 'application/json',
    body: JSON.stringify({
      status: { indicator: 'major', description: 'Major outage' },
      components: [
        { name: 'API', status: 'operational' },
        { name: 'Web', status: 'partial_outage' },
      ],
      queue: { depth: 3, healthy: true },
      regions: ['eu', 'us'],
      notes: 'x'.repeat(5000),
    }),
  },
  '/maintenance.html': { type: 'text/html', body: `<html><body>${'Down for maintenance. '.repeat(2000)}</body></html>` },
};

describe('an HTTP check with a JSON-path assertion, against a local server', () => {
  let server: Server;
  let base: string;
  let outbound: Outbound;
  before(async () => {
    server = createServer((req, res) => {
      const answer = answers[req.url ?? ''];
      if (answer === undefined) return res.writeHead(404).end();
      res.writeHead(200, { 'content-type': answer.type }).end(answer.body);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    outbound = createTestOutbound();
  });
  after(async () => {
    await outbound.close();
    await new Promise((resolve) => server.close(resolve));
  });

  const check = (path: string, jsonAssertion: Partial<JsonAssertion> & { path: string }) =>
    checkHttp(outbound, httpSettingsSchema.parse({ url: `${base}${path}`, jsonAssertion: { expected: '', ...jsonAssertion } }), 2000);

  test('passes when the value at the path is as expected', async () => {
    for (const assertion of [
      { path: '$.components[0].status', expected: 'operational' },
      { path: "$.components[1]['name']", expected: 'Web' },
      { path: '$.status.indicator', comparison: 'not_equals', expected: 'none' },
      { path: '$.status.description', comparison: 'contains', expected: 'outage' },
      { path: '$.regions', comparison: 'contains', expected: 'us' },
      { path: '$.queue.depth', expected: '3' },
      { path: '$.queue.healthy', expected: 'true' },
    ] as const) {
      const result = await check('/status.json', assertion);
      assert.equal(result.outcome, 'up', `${assertion.path}: ${result.reason}`);
    }
  });

  test('fails on a different value, saying what was found and what was expected', async () => {
    const cases: [Partial<JsonAssertion> & { path: string }, string][] = [
      [{ path: '$.status.indicator', expected: 'none' }, '$.status.indicator is "major", expected "none"'],
      [
        { path: '$.components[1].status', comparison: 'not_equals', expected: 'partial_outage' },
        '$.components[1].status is "partial_outage", expected anything else',
      ],
      [{ path: '$.regions', comparison: 'contains', expected: 'ap' }, '$.regions is ["eu","us"], which does not contain "ap"'],
      [{ path: '$.queue.depth', expected: '0' }, '$.queue.depth is 3, expected 0'],
      [{ path: '$.components[2].status', expected: 'operational' }, '$.components[2].status finds nothing in the answer'],
    ];
    for (const [assertion, reason] of cases) {
      const result = await check('/status.json', assertion);
      assert.deepEqual([result.outcome, result.reason], ['down', reason]);
    }
  });

  test('a large value is named without echoing it whole', async () => {
    const whole = await check('/status.json', { path: '$', expected: 'anything' });
    assert.equal(whole.outcome, 'down');
    assert.ok(whole.reason!.length < 200, whole.reason!);
    assert.match(whole.reason!, /^\$ is \{"status":\{"indicator":"major".*…, expected anything$/);
    const notes = await check('/status.json', { path: '$.notes', expected: 'y' });
    assert.ok(notes.reason!.length < 200, notes.reason!);
  });

  test('fails on an answer that is not JSON, without quoting it', async () => {
    const result = await check('/maintenance.html', { path: '$.status', expected: 'ok' });
    assert.deepEqual([result.outcome, result.reason], ['down', 'the answer is not JSON, so $.status cannot be read']);
  });

  test('the expected status is checked before the JSON', async () => {
    const missing = await check('/gone.json', { path: '$.status', expected: 'ok' });
    assert.deepEqual([missing.outcome, missing.reason], ['down', 'answered 404, expected 200-299']);
  });
});
