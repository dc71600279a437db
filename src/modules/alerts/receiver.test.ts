import assert from 'node:assert/strict';
import { test } from 'node:test';
import { readAlerts } from './alert-payloads.ts';
import { createReceiverSchema, parseMatcher, targetsOf, type InboundAlert } from './receiver.ts';

const alert = (labels: Record<string, string>): InboundAlert => ({
  fingerprint: 'f',
  firing: true,
  labels,
  summary: null,
  component: null,
  status: null,
});

test('label matchers work as in Prometheus: =, !=, and whole-value regular expressions', () => {
  const { rules } = createReceiverSchema.parse({
    name: 'Prometheus',
    rules: [
      { matchers: ['service="api"', 'env!="staging"'], componentId: 'aaaaaaaaaaaa' },
      { matchers: ['job=~"web|cdn"'], componentId: 'bbbbbbbbbbbb', severities: { page: 'partial_outage' } },
      { matchers: ['job!~"web.*"', 'team="db"'], componentId: 'cccccccccccc', defaultStatus: 'degraded_performance' },
    ],
  });
  const targets = (labels: Record<string, string>) => Object.fromEntries(targetsOf(rules, alert(labels)));
  assert.deepEqual(targets({ service: 'api', severity: 'critical' }), { aaaaaaaaaaaa: 'major_outage' });
  assert.deepEqual(targets({ service: 'api', severity: 'warning', env: 'prod' }), { aaaaaaaaaaaa: 'degraded_performance' });
  assert.deepEqual(targets({ service: 'api', env: 'staging' }), {});
  assert.deepEqual(
    targets({ service: 'api', severity: 'info' }),
    { aaaaaaaaaaaa: 'partial_outage' },
    'an unlisted severity takes the default',
  );
  assert.deepEqual(targets({ job: 'web', severity: 'page' }), { bbbbbbbbbbbb: 'partial_outage' });
  assert.deepEqual(targets({ job: 'webserver' }), {}, 'a regular expression matches the whole value');
  assert.deepEqual(targets({ job: 'webserver', team: 'db' }), {});
  assert.deepEqual(targets({ job: 'postgres', team: 'db' }), { cccccccccccc: 'degraded_performance' });
});

test('a rule that cannot be read is refused, naming the matcher', () => {
  assert.equal(typeof parseMatcher('service = api'), 'string');
  assert.equal(typeof parseMatcher('job=~"("'), 'string');
  const result = createReceiverSchema.safeParse({ name: 'x', rules: [{ matchers: ['service=api'], componentId: 'aaaaaaaaaaaa' }] });
  assert.equal(result.success, false);
  assert.deepEqual(result.error?.issues[0]?.path, ['rules', 0, 'matchers', 0]);
});

test('the three shapes are told apart; alerts without a fingerprint get a stable one from their labels', () => {
  const am = readAlerts({ version: '4', status: 'firing', receiver: 'aviso', alerts: [{ status: 'firing', labels: { a: '1', b: '2' } }] });
  const again = readAlerts({ version: '4', alerts: [{ status: 'resolved', labels: { b: '2', a: '1' }, extra: true }] });
  assert.equal(am.format, 'alertmanager');
  assert.equal(am.alerts[0]!.fingerprint, again.alerts[0]!.fingerprint);
  assert.equal(again.alerts[0]!.firing, false);
  assert.equal(readAlerts({ orgId: 1, title: 'x', alerts: [] }).format, 'grafana');
  const generic = readAlerts({ fingerprint: 'db-1', state: 'firing', component: 'Database', status: 'partial_outage' });
  assert.deepEqual([generic.format, generic.alerts[0]!.component, generic.alerts[0]!.status], ['generic', 'Database', 'partial_outage']);
  assert.throws(() => readAlerts({ fingerprint: 'x', state: 'burning' }), { name: 'ZodError' });
  assert.throws(() => readAlerts({ version: '4', alerts: [{ status: 'firing', labels: { a: 1 } }] }), { name: 'ZodError' });
});
