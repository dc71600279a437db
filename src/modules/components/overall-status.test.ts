import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { ComponentStatus } from './component.ts';
import { overallStatus } from './overall-status.ts';

const o: ComponentStatus = 'operational';
const m: ComponentStatus = 'under_maintenance';
const d: ComponentStatus = 'degraded_performance';
const p: ComponentStatus = 'partial_outage';
const x: ComponentStatus = 'major_outage';

function check(statuses: ComponentStatus[], indicator: string, description: string) {
  const result = overallStatus(statuses);
  assert.deepEqual(
    { indicator: result.indicator, description: result.description },
    { indicator, description },
    `for [${statuses.join(', ')}]`,
  );
}

describe('overall status: the reference table of description ↔ indicator pairs', () => {
  test('All Systems Operational is none', () => check([o, o, o], 'none', 'All Systems Operational'));
  test('Partially Degraded Service is minor (some components degraded)', () => check([o, d, o], 'minor', 'Partially Degraded Service'));
  test('Minor Service Outage is minor (one of eleven components in partial outage, as GitHub showed)', () =>
    check([p, o, o, o, o, o, o, o, o, o, o], 'minor', 'Minor Service Outage'));
  test('Partial System Outage is major (one partial and one major, as the chargebee sample)', () =>
    check([p, x], 'major', 'Partial System Outage'));
  test('Major System Outage is critical (every component down)', () => check([x, x, x], 'critical', 'Major System Outage'));
  test('Degraded System Service is minor (every component degraded)', () => check([d, d], 'minor', 'Degraded System Service'));
  test('Service Under Maintenance is maintenance', () => check([m, o, o], 'maintenance', 'Service Under Maintenance'));
});

describe('overall status: the single-component rules', () => {
  test('no component at all is operational', () => check([], 'none', 'All Systems Operational'));
  test('operational', () => check([o], 'none', 'All Systems Operational'));
  test('under maintenance', () => check([m], 'maintenance', 'Service Under Maintenance'));
  test('degraded', () => check([d], 'minor', 'Partially Degraded Service'));
  test('partial outage', () => check([p], 'major', 'Partial System Outage'));
  test('major outage', () => check([x], 'critical', 'Major System Outage'));
});

describe('overall status: blends of two or more components', () => {
  test('some major outage but not all is a partial system outage', () => check([x, o, o], 'major', 'Partial System Outage'));
  test('every component in partial outage is a partial system outage', () => check([p, p], 'major', 'Partial System Outage'));
  test('an outage outranks degraded components and maintenance', () => check([p, d, m, o], 'minor', 'Minor Service Outage'));
  test('degraded outranks maintenance', () => check([d, m], 'minor', 'Partially Degraded Service'));
  test('all under maintenance', () => check([m, m], 'maintenance', 'Service Under Maintenance'));
});
