import type { Outbound } from '../../../outbound/index.ts';
import type { TcpSettings } from '../monitor.ts';
import { down, up, type CheckResult } from './check-result.ts';

export async function checkTcp(outbound: Outbound, settings: TcpSettings, timeoutMs: number): Promise<CheckResult> {
  const result = await outbound.connectTcp(settings.host, settings.port, { timeoutMs });
  return result.ok ? up(result.durationMs) : down(result.reason, result.durationMs);
}
