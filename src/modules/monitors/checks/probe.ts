import type { Outbound } from '../../../outbound/index.ts';
import type { Monitor } from '../monitor.ts';
import { down, type CheckResult } from './check-result.ts';
import { checkHttp } from './http-check.ts';
import { checkTcp } from './tcp-check.ts';
import { checkDns } from './dns-check.ts';
import { checkTls } from './tls-check.ts';

/**
 * Probes a monitor's target once through the guarded client, retrying a failure up to
 * `retries` times at once. Heartbeats are not probed (see evaluateHeartbeat).
 */
export async function probe(monitor: Monitor, outbound: Outbound, now: () => Date): Promise<CheckResult> {
  let result = await probeOnce(monitor, outbound, now);
  for (let attempt = 0; attempt < monitor.retries && result.outcome === 'down'; attempt++) result = await probeOnce(monitor, outbound, now);
  return result;
}

function probeOnce(monitor: Monitor, outbound: Outbound, now: () => Date): Promise<CheckResult> {
  switch (monitor.kind) {
    case 'http':
      return checkHttp(outbound, monitor.settings, monitor.timeoutMs);
    case 'tcp':
      return checkTcp(outbound, monitor.settings, monitor.timeoutMs);
    case 'dns':
      return checkDns(outbound, monitor.settings, monitor.timeoutMs);
    case 'tls':
      return checkTls(outbound, monitor.settings, monitor.timeoutMs, now());
    case 'heartbeat':
      return Promise.resolve(down('a heartbeat is not probed', null));
  }
}
