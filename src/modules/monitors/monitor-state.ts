import type { ComponentStatus } from '../components/index.ts';
import type { CheckOutcome, Monitor, MonitorState, MonitorStatus } from './monitor.ts';

/**
 * The confirmation thresholds: `failureThreshold` non-up results in a row before a monitor is
 * down (or degraded), `recoveryThreshold` up results in a row before it is up again; a first
 * result after creation is taken at once. "No data" changes nothing. Pure.
 */
export function nextState(
  monitor: Pick<Monitor, 'failureThreshold' | 'recoveryThreshold'>,
  status: Pick<MonitorStatus, 'state' | 'failures' | 'successes'>,
  outcome: CheckOutcome,
): { state: MonitorState; failures: number; successes: number } {
  if (outcome === 'no_data') return { state: status.state, failures: status.failures, successes: status.successes };
  if (outcome === 'up') {
    const successes = status.successes + 1;
    const recovered = status.state === 'unknown' || status.state === 'up' || successes >= monitor.recoveryThreshold;
    return { state: recovered ? 'up' : status.state, failures: 0, successes };
  }
  const failures = status.failures + 1;
  const confirmed = failures >= monitor.failureThreshold;
  return { state: confirmed ? outcome : status.state, failures, successes: 0 };
}

/** The component status a monitor's state asks for; null: none (up, or not known yet). */
export function wantedStatus(monitor: Pick<Monitor, 'failingStatus' | 'degradedStatus'>, state: MonitorState): ComponentStatus | null {
  if (state === 'down') return monitor.failingStatus;
  if (state === 'degraded') return monitor.degradedStatus;
  return null;
}
