import assert from 'node:assert/strict';
import { test } from 'node:test';
import { statuspageFixture } from '../../../test/support/fixtures.ts';
import { instatusAdapter, kindOf, statuspageAdapter, upstreamPath } from './source-adapters.ts';

test("Statuspage's API v2 is read from /api/v2/summary.json: components, groups and paths of a real captured page", () => {
  assert.equal(statuspageAdapter.documentUrl('https://status.example.com/'), 'https://status.example.com/api/v2/summary.json');
  const captured = JSON.parse(statuspageFixture('hashicorp_components_2021-08-06_statuses-edited.json'));
  const components = statuspageAdapter.read(captured)!;
  assert.equal(components.length, 54);
  assert.equal(components.filter((c) => c.isGroup).length, 6);
  const portal = components.find((c) => c.id === 'mgv1p2j9x444')!;
  assert.equal(upstreamPath(portal, components), 'HashiCorp Cloud Platform (HCP) → HCP Portal');
  assert.equal(statuspageAdapter.read({ page: {} }), undefined, 'a document without components is not a page');
  assert.deepEqual(statuspageAdapter.read({ components: [{ id: 'a', name: 'A', status: 'on fire' }] }), [], 'unknown statuses are skipped');
});

test('Instatus pages are read from /v2/components.json, upper-case statuses and nested groups', () => {
  assert.equal(kindOf('https://acme.instatus.com'), 'instatus');
  assert.equal(kindOf('https://status.acme.com'), 'statuspage');
  assert.equal(instatusAdapter.documentUrl('https://acme.instatus.com'), 'https://acme.instatus.com/v2/components.json');
  const components = instatusAdapter.read({
    components: [
      { id: 'g1', name: 'Email', status: 'OPERATIONAL', children: [{ id: 'c1', name: 'Outbound', status: 'MAJOROUTAGE' }] },
      { id: 'c2', name: 'API', status: 'DEGRADEDPERFORMANCE' },
    ],
  })!;
  assert.deepEqual(
    components.map((c) => [upstreamPath(c, components), c.status, c.isGroup]),
    [
      ['Email', 'major_outage', true],
      ['Email → Outbound', 'major_outage', false],
      ['API', 'degraded_performance', false],
    ],
  );
});
