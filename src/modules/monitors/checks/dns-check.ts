import type { Outbound } from '../../../outbound/index.ts';
import type { DnsSettings } from '../monitor.ts';
import { down, up, type CheckResult } from './check-result.ts';

const normalise = (record: string) => record.trim().replace(/\.$/, '').toLowerCase();

export async function checkDns(outbound: Outbound, settings: DnsSettings, timeoutMs: number): Promise<CheckResult> {
  const answer = await outbound.queryDns(settings.name, settings.recordType, {
    timeoutMs,
    ...(settings.resolver !== null && { server: settings.resolver }),
  });
  if (!answer.ok) return down(answer.reason, answer.durationMs);
  if (answer.records.length === 0) return down(`${settings.name} has no ${settings.recordType} record`, answer.durationMs);
  if (settings.expected !== null && !answer.records.some((r) => normalise(r) === normalise(settings.expected as string)))
    return down(`${settings.recordType} answered ${answer.records.join(', ')}, expected ${settings.expected}`, answer.durationMs);
  return up(answer.durationMs);
}
