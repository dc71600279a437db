import type { Outbound } from '../../outbound/index.ts';
import { AppError, type ErrorDetail } from '../../shared/errors.ts';
import type { Channel } from './subscriber.ts';

/** What subscribing needs of the outbound client: whether an endpoint URL may be used. */
export type EndpointCheck = Pick<Outbound, 'checkUrl'>;

/**
 * Refuses a webhook or chat endpoint that points outside the public internet (unless the
 * operator's policy allows the range): its scheme, its form, and every address its name has now.
 * Delivery checks again when it connects, so a name that changes later is still caught.
 */
export async function checkEndpoint(endpoints: EndpointCheck, channel: Channel, address: string): Promise<void> {
  if (channel === 'email') return;
  const result = await endpoints.checkUrl(address.trim());
  if (!result.ok) throw new AppError('validation_failed', `address: ${result.reason}`, [{ path: 'address', message: result.reason }]);
}

/** Checks many endpoints (a CSV import), each host once and a few at a time; returns the problems by line. */
export async function checkEndpoints(
  endpoints: EndpointCheck,
  rows: { line: number; channel: Channel; address: string }[],
): Promise<ErrorDetail[]> {
  const byHost = new Map<string, Promise<{ ok: true } | { ok: false; reason: string }>>();
  const pending = rows.filter((row) => row.channel !== 'email');
  const problems: ErrorDetail[] = [];
  let next = 0;
  const lane = async () => {
    while (next < pending.length) {
      const row = pending[next++]!;
      const host = hostKey(row.address);
      let check = byHost.get(host);
      if (check === undefined) byHost.set(host, (check = endpoints.checkUrl(row.address.trim())));
      const result = await check;
      if (!result.ok) problems.push({ path: `line ${row.line}`, message: `address: ${result.reason}` });
    }
  };
  await Promise.all(Array.from({ length: Math.min(8, pending.length) }, lane));
  return problems.sort((a, b) => Number(a.path?.slice(5)) - Number(b.path?.slice(5)));
}

/** URLs of one scheme, host and port are judged alike. */
function hostKey(address: string): string {
  try {
    return new URL(address.trim()).origin;
  } catch {
    return address;
  }
}
