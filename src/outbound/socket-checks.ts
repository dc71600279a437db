import type { Socket } from 'node:net';
import type { TLSSocket, PeerCertificate } from 'node:tls';
import { guardedConnector, type Guard } from './guarded-connector.ts';
import { describeError, describeTlsCode, OutboundError, type OutboundFailure } from './outbound-failure.ts';
import { targetHost } from './target-address.ts';

export interface TcpConnected {
  ok: true;
  durationMs: number;
}

export interface TlsCertificate {
  subject: string;
  issuer: string;
  validFrom: Date;
  validTo: Date;
  subjectAltNames: string[];
  fingerprint256: string;
}

/** A completed handshake. The certificate is read even when it does not verify, so expiry can be reported. */
export interface TlsHandshake {
  ok: true;
  durationMs: number;
  authorized: boolean;
  /** Why the certificate did not verify, for operators; null when it did. */
  authorizationError: string | null;
  protocol: string | null;
  certificate: TlsCertificate | null;
}

export interface TlsOptions {
  timeoutMs: number;
  /** The name sent in SNI and checked against the certificate (default: the host, when it is a name). */
  servername?: string;
}

/** Opens a TCP connection through the guard and closes it at once. */
export async function connectTcp(
  guard: Guard,
  host: string,
  port: number,
  options: { timeoutMs: number },
): Promise<TcpConnected | OutboundFailure> {
  const started = performance.now();
  try {
    const socket = await openSocket(guard, host, port, options.timeoutMs, 'http:', undefined);
    socket.destroy();
    return { ok: true, durationMs: Math.round(performance.now() - started) };
  } catch (error) {
    return describeError(error, options.timeoutMs, started);
  }
}

/** Completes a TLS handshake through the guard and reads the server's certificate. */
export async function handshakeTls(guard: Guard, host: string, port: number, options: TlsOptions): Promise<TlsHandshake | OutboundFailure> {
  const started = performance.now();
  try {
    const target = targetHost(host);
    const servername = options.servername ?? (target.isAddress ? undefined : target.host);
    const socket = (await openSocket(guard, host, port, options.timeoutMs, 'https:', servername)) as TLSSocket;
    const durationMs = Math.round(performance.now() - started);
    const peer = socket.getPeerCertificate();
    const error = socket.authorizationError as unknown;
    const code =
      typeof error === 'string' ? error : error instanceof Error ? ((error as { code?: string }).code ?? error.message) : undefined;
    const result: TlsHandshake = {
      ok: true,
      durationMs,
      authorized: socket.authorized,
      authorizationError: socket.authorized ? null : describeTlsCode(code !== undefined && /^[A-Z0-9_]+$/.test(code) ? code : 'UNVERIFIED'),
      protocol: socket.getProtocol(),
      certificate: Object.keys(peer).length === 0 ? null : readCertificate(peer),
    };
    socket.destroy();
    return result;
  } catch (error) {
    return describeError(error, options.timeoutMs, started);
  }
}

function openSocket(
  guard: Guard,
  host: string,
  port: number,
  timeoutMs: number,
  protocol: 'http:' | 'https:',
  servername: string | undefined,
) {
  const target = targetHost(host);
  if (!Number.isInteger(port) || port < 1 || port > 65535)
    throw new OutboundError('invalid-target', 'the port must be between 1 and 65535');
  // The handshake is judged by the caller, so the certificate is read whether or not it verifies.
  const connect = guardedConnector(guard, { timeoutMs, rejectUnauthorized: false, maxCachedSessions: 0 });
  return new Promise<Socket>((resolve, reject) => {
    connect(
      {
        hostname: target.host,
        host: `${target.host}:${port}`,
        protocol,
        port: String(port),
        ...(servername !== undefined && { servername }),
      },
      (error, socket) => (error === null ? resolve(socket) : reject(error)),
    );
  });
}

function readCertificate(peer: PeerCertificate): TlsCertificate {
  const names = (fields: object) =>
    Object.entries(fields)
      .map(([k, v]) => `${k}=${Array.isArray(v) ? v.join('+') : String(v)}`)
      .join(', ');
  return {
    subject: names(peer.subject ?? {}),
    issuer: names(peer.issuer ?? {}),
    validFrom: new Date(peer.valid_from),
    validTo: new Date(peer.valid_to),
    subjectAltNames: (peer.subjectaltname ?? '').split(', ').filter(Boolean),
    fingerprint256: peer.fingerprint256,
  };
}
