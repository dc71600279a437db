import type { ComponentStatus } from './component.ts';

export const indicators = ['none', 'minor', 'major', 'critical', 'maintenance'] as const;
export type Indicator = (typeof indicators)[number];

export const overallDescriptions = {
  allOperational: 'All Systems Operational',
  underMaintenance: 'Service Under Maintenance',
  partiallyDegraded: 'Partially Degraded Service',
  degradedSystem: 'Degraded System Service',
  minorOutage: 'Minor Service Outage',
  partialOutage: 'Partial System Outage',
  majorOutage: 'Major System Outage',
} as const;
export type OverallDescriptionKey = keyof typeof overallDescriptions;

export interface OverallStatus {
  indicator: Indicator;
  /** Which description: the key is what translations use, `description` is Statuspage's English. */
  key: OverallDescriptionKey;
  description: string;
}

function result(indicator: Indicator, key: OverallDescriptionKey): OverallStatus {
  return { indicator, key, description: overallDescriptions[key] };
}

/**
 * The page's top-level status from the statuses of its components (groups excluded: their
 * children count), as Statuspage blends them.
 */
export function overallStatus(statuses: readonly ComponentStatus[]): OverallStatus {
  const count = (s: ComponentStatus) => statuses.filter((x) => x === s).length;
  const n = statuses.length;
  const major = count('major_outage');
  const partial = count('partial_outage');
  const degraded = count('degraded_performance');
  const maintenance = count('under_maintenance');

  if (n === 1) {
    switch (statuses[0]) {
      case 'under_maintenance':
        return result('maintenance', 'underMaintenance');
      case 'degraded_performance':
        return result('minor', 'partiallyDegraded');
      case 'partial_outage':
        return result('major', 'partialOutage');
      case 'major_outage':
        return result('critical', 'majorOutage');
      default:
        return result('none', 'allOperational');
    }
  }
  if (major > 0) return major === n ? result('critical', 'majorOutage') : result('major', 'partialOutage');
  if (partial > 0) return partial === n ? result('major', 'partialOutage') : result('minor', 'minorOutage');
  if (degraded > 0) return degraded === n ? result('minor', 'degradedSystem') : result('minor', 'partiallyDegraded');
  if (maintenance > 0) return result('maintenance', 'underMaintenance');
  return result('none', 'allOperational');
}

/**
 * The statuses the page's top-level status is made of: every component but groups (their
 * children count) and third-party components whose source cannot be read (their last status is
 * stale; the page says they are unknown rather than counting them as up or down).
 */
export function knownLeafStatuses(
  components: readonly { isGroup: boolean; status: ComponentStatus; statusUnknownSince: Date | null }[],
): ComponentStatus[] {
  return components.filter((c) => !c.isGroup && c.statusUnknownSince === null).map((c) => c.status);
}
