import type { Ctx } from '../../shared/context.ts';
import type { CheckResult } from './checks/check-result.ts';
import { probe } from './checks/probe.ts';
import { loadMonitor } from './monitor-checks.ts';
import { evaluateHeartbeat, type MonitorClients } from './run-check.ts';
import { findMonitorStatus } from './monitor-store.ts';

/** "Test now": checks a monitor once and says what it found, changing nothing. */
export async function testMonitor(ctx: Ctx, id: string, clients: MonitorClients): Promise<CheckResult> {
  const monitor = await loadMonitor(ctx.db, id);
  if (monitor.kind === 'heartbeat') return evaluateHeartbeat(monitor, await findMonitorStatus(ctx.db, id), ctx.clock.now());
  return probe(monitor, monitor.allowPrivate ? clients.permitted : clients.publicOnly, () => ctx.clock.now());
}
