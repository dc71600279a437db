/**
 * Why an outbound request failed. `reason` is written for operators and may be shown to whoever
 * gave the address: it names the host they gave, never an address it resolved to or a port.
 */
export interface OutboundFailure {
  ok: false;
  kind: OutboundFailureKind;
  reason: string;
  durationMs: number;
}

export type OutboundFailureKind =
  /** Not an address Aviso can use: a bad URL, a scheme other than http(s), a malformed name. */
  | 'invalid-target'
  /** The target is outside the public internet and the policy does not allow it. */
  | 'refused'
  /** The name could not be resolved. */
  | 'dns'
  | 'timeout'
  /** Refused, reset or unreachable. */
  | 'connection'
  | 'tls'
  | 'too-large'
  | 'redirect'
  | 'protocol';

/** A failure thrown inside the guard (the lookup, the connector) and turned back into a value. */
export class OutboundError extends Error {
  constructor(
    readonly kind: OutboundFailureKind,
    readonly reason: string,
  ) {
    super(reason);
    this.name = 'OutboundError';
  }
}

export const notPublic = (host: string | undefined) =>
  new OutboundError('refused', host === undefined ? 'the address is not public' : `the address of ${host} is not public`);

const connectionReasons: Record<string, string> = {
  ECONNREFUSED: 'connection refused',
  ECONNRESET: 'the connection was reset',
  EPIPE: 'the connection was closed',
  UND_ERR_SOCKET: 'the connection was closed',
  UND_ERR_CLOSED: 'the connection was closed',
  EHOSTUNREACH: 'the host could not be reached',
  ENETUNREACH: 'the network could not be reached',
  EHOSTDOWN: 'the host is down',
  EADDRNOTAVAIL: 'the address could not be used',
};

const tlsReasons: Record<string, string> = {
  CERT_HAS_EXPIRED: 'the certificate has expired',
  CERT_NOT_YET_VALID: 'the certificate is not valid yet',
  DEPTH_ZERO_SELF_SIGNED_CERT: 'the certificate is self-signed',
  SELF_SIGNED_CERT_IN_CHAIN: 'the certificate chain ends in an untrusted self-signed certificate',
  UNABLE_TO_VERIFY_LEAF_SIGNATURE: 'the certificate could not be verified',
  UNABLE_TO_GET_ISSUER_CERT_LOCALLY: 'the certificate’s issuer is not trusted',
  UNABLE_TO_GET_ISSUER_CERT: 'the certificate’s issuer is not trusted',
  CERT_REVOKED: 'the certificate has been revoked',
  CERT_SIGNATURE_FAILURE: 'the certificate’s signature is not valid',
  ERR_TLS_CERT_ALTNAME_INVALID: 'the certificate is not for this host name',
};

/** A TLS verification code as operators read it (Node's messages may name addresses: never shown). */
export function describeTlsCode(code: string): string {
  return tlsReasons[code] ?? `the certificate was refused (${code})`;
}

function codeOf(error: unknown): string | undefined {
  const code = typeof error === 'object' && error !== null ? (error as { code?: unknown }).code : undefined;
  return typeof code === 'string' && /^[A-Z0-9_]{2,64}$/.test(code) ? code : undefined;
}

/**
 * Turns whatever a request threw into a failure whose reason is safe to show: only the guard's own
 * reasons and fixed texts by error code are used, never an error's message (which carries
 * `ECONNREFUSED 10.0.0.5:8080` and the like).
 */
export function describeError(error: unknown, timeoutMs: number, started: number): OutboundFailure {
  const durationMs = Math.round(performance.now() - started);
  const fail = (kind: OutboundFailureKind, reason: string): OutboundFailure => ({ ok: false, kind, reason, durationMs });
  for (let e: unknown = error, depth = 0; e !== undefined && e !== null && depth < 5; e = (e as { cause?: unknown }).cause, depth++) {
    if (e instanceof OutboundError) return fail(e.kind, e.reason);
    const name = e instanceof Error ? e.name : '';
    const code = codeOf(e);
    if (
      name === 'TimeoutError' ||
      code === 'UND_ERR_CONNECT_TIMEOUT' ||
      code === 'UND_ERR_HEADERS_TIMEOUT' ||
      code === 'UND_ERR_BODY_TIMEOUT'
    )
      return fail('timeout', `no answer within ${formatSeconds(timeoutMs)}`);
    if (code !== undefined && code in connectionReasons) return fail('connection', connectionReasons[code]!);
    if (code !== undefined && (code in tlsReasons || code.startsWith('ERR_SSL') || code.startsWith('ERR_TLS')))
      return fail('tls', `TLS failed: ${describeTlsCode(code)}`);
  }
  const code = codeOf(error);
  return fail('protocol', code === undefined ? 'the request failed' : `the request failed (${code})`);
}

export function formatSeconds(ms: number): string {
  return `${Math.round(ms / 100) / 10} s`;
}
