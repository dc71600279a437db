import type { Outbound } from '../../../outbound/index.ts';
import type { TlsSettings } from '../monitor.ts';
import { degraded, down, up, type CheckResult } from './check-result.ts';

const dayMs = 86_400_000;

export async function checkTls(outbound: Outbound, settings: TlsSettings, timeoutMs: number, now: Date): Promise<CheckResult> {
  const handshake = await outbound.handshakeTls(settings.host, settings.port, { timeoutMs });
  if (!handshake.ok) return down(handshake.reason, handshake.durationMs);
  const certificate = handshake.certificate;
  if (certificate === null) return down('the server sent no certificate', handshake.durationMs);
  const left = certificate.validTo.getTime() - now.getTime();
  if (left <= 0) return down('the certificate has expired', handshake.durationMs);
  if (!handshake.authorized) return down(handshake.authorizationError ?? 'the certificate is not trusted', handshake.durationMs);
  const days = Math.floor(left / dayMs);
  if (left < settings.warnDays * dayMs)
    return degraded(
      `the certificate expires in ${days} day${days === 1 ? '' : 's'} (${certificate.validTo.toISOString().slice(0, 10)})`,
      handshake.durationMs,
    );
  return up(handshake.durationMs);
}
