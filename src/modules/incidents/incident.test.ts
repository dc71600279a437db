import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { ComponentId } from '../../shared/ids.ts';
import type { ComponentStatus } from '../components/index.ts';
import { checkUpdateStatus, deriveImpact, lifecycleTimes, updateLabels, type AffectedComponent } from './incident.ts';

function affected(...changes: [string, ComponentStatus][]): { affectedComponents: AffectedComponent[] } {
  return {
    affectedComponents: changes.map(([id, newStatus]) => ({
      componentId: id as ComponentId,
      name: id,
      oldStatus: 'operational',
      newStatus,
    })),
  };
}

describe('incident impact, derived from the affected components', () => {
  test('no affected components: none', () => assert.equal(deriveImpact('incident', [affected()], null), 'none'));
  test('one degraded component: minor', () =>
    assert.equal(deriveImpact('incident', [affected(['a', 'degraded_performance'])], null), 'minor'));
  test('every affected component in partial outage: major', () =>
    assert.equal(
      deriveImpact(
        'incident',
        [affected(['a', 'partial_outage'], ['b', 'partial_outage'], ['c', 'partial_outage'], ['d', 'partial_outage'])],
        null,
      ),
      'major',
    ));
  test('some components in partial outage: minor', () =>
    assert.equal(deriveImpact('incident', [affected(['a', 'partial_outage'], ['b', 'operational'])], null), 'minor'));
  test('every affected component down: critical', () =>
    assert.equal(deriveImpact('incident', [affected(['a', 'major_outage'], ['b', 'major_outage'])], null), 'critical'));
  test('a resolved incident keeps the impact of the worst moment', () =>
    assert.equal(
      deriveImpact('incident', [affected(['a', 'operational']), affected(['a', 'major_outage'], ['b', 'degraded_performance'])], null),
      'major',
    ));
  test('an override wins over the derived impact', () =>
    assert.equal(deriveImpact('incident', [affected(['a', 'degraded_performance'])], 'critical'), 'critical'));
  test('a maintenance is always of maintenance impact', () =>
    assert.equal(deriveImpact('maintenance', [affected(['a', 'under_maintenance'])], null), 'maintenance'));
  test('components under maintenance during an incident add no impact', () =>
    assert.equal(deriveImpact('incident', [affected(['a', 'under_maintenance'])], null), 'none'));
});

describe('update labels', () => {
  test('an update that keeps the previous status is labelled "update"', () => {
    const labels = updateLabels([
      { status: 'resolved' },
      { status: 'monitoring' },
      { status: 'investigating' },
      { status: 'investigating' },
    ]);
    assert.deepEqual(labels, ['resolved', 'monitoring', 'update', 'investigating']);
  });
  test('the first update always carries its status', () => assert.deepEqual(updateLabels([{ status: 'identified' }]), ['identified']));
});

describe('update statuses by kind', () => {
  test('an incident refuses maintenance statuses', () =>
    assert.throws(() => checkUpdateStatus('incident', 'in_progress'), { code: 'incident_transition_invalid' }));
  test('a maintenance refuses incident statuses', () =>
    assert.throws(() => checkUpdateStatus('maintenance', 'investigating'), { code: 'incident_transition_invalid' }));
  test('reopening a resolved incident is allowed', () => assert.equal(checkUpdateStatus('incident', 'investigating'), 'investigating'));
});

describe('lifecycle times', () => {
  const at = new Date('2025-11-20T10:00:00Z');
  test('monitoring sets monitoring_at once', () => {
    assert.deepEqual(lifecycleTimes({ monitoringAt: null, resolvedAt: null }, 'monitoring', at), { monitoringAt: at, resolvedAt: null });
    const earlier = new Date('2025-11-20T09:00:00Z');
    assert.deepEqual(lifecycleTimes({ monitoringAt: earlier, resolvedAt: null }, 'monitoring', at).monitoringAt, earlier);
  });
  test('resolving sets resolved_at and reopening clears it', () => {
    assert.equal(lifecycleTimes({ monitoringAt: null, resolvedAt: null }, 'resolved', at).resolvedAt, at);
    assert.equal(lifecycleTimes({ monitoringAt: null, resolvedAt: at }, 'investigating', at).resolvedAt, null);
  });
});
