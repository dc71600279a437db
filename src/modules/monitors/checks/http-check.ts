import type { Outbound } from '../../../outbound/index.ts';
import type { HttpSettings } from '../monitor.ts';
import { degraded, down, up, type CheckResult } from './check-result.ts';
import { failedJsonAssertion } from './json-assertion.ts';

/** Whether a status is in one of the ranges (`200`, `200-299`). */
export function statusExpected(status: number, ranges: readonly string[]): boolean {
  return ranges.some((range) => {
    const [from, to] = range.split('-').map(Number) as [number, number | undefined];
    return to === undefined ? status === from : status >= from && status <= to;
  });
}

export async function checkHttp(outbound: Outbound, settings: HttpSettings, timeoutMs: number): Promise<CheckResult> {
  const response = await outbound.request(settings.url, {
    method: settings.method,
    headers: settings.headers,
    ...(settings.body !== null && { body: settings.body }),
    timeoutMs,
    maxRedirects: settings.maxRedirects,
    readBody: settings.keyword !== null || settings.jsonAssertion !== null,
    verifyTls: settings.verifyTls,
  });
  if (!response.ok) return down(response.reason, response.durationMs);
  if (!statusExpected(response.status, settings.expectedStatus))
    return down(`answered ${response.status}, expected ${settings.expectedStatus.join(', ')}`, response.durationMs);
  if (settings.keyword !== null && !response.body.toString('utf8').includes(settings.keyword))
    return down(`the answer does not contain "${settings.keyword}"`, response.durationMs);
  const assertion = settings.jsonAssertion === null ? null : failedJsonAssertion(response.body, settings.jsonAssertion);
  if (assertion !== null) return down(assertion, response.durationMs);
  if (settings.maxResponseMs !== null && response.durationMs > settings.maxResponseMs)
    return degraded(`answered in ${response.durationMs} ms, more than ${settings.maxResponseMs} ms`, response.durationMs);
  return up(response.durationMs);
}
