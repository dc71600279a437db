import type { FastifyReply, FastifyRequest } from 'fastify';

/**
 * The Content-Security-Policy of every page Aviso serves. Scripts only from Aviso's own files (no
 * inline script, no eval); styles may be inline (the uptime calendar colours its days in `style`),
 * which runs no code; images from anywhere over HTTP(S), since the logo and favicon are the
 * operator's URLs. `frameAncestors` lists the origins that may frame the page; none by default.
 */
export function contentSecurityPolicy(frameAncestors: readonly string[] = []): string {
  return [
    "default-src 'none'",
    "script-src 'self'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: https: http:",
    "font-src 'self'",
    "connect-src 'self'",
    "manifest-src 'self'",
    "form-action 'self'",
    "base-uri 'none'",
    `frame-ancestors ${frameAncestors.length === 0 ? "'none'" : frameAncestors.join(' ')}`,
  ].join('; ');
}

/**
 * Headers every answer carries: a page without its own policy gets the default one (never framed),
 * a route's own referrer policy and CSP are kept, and HSTS is sent when the request came over TLS.
 */
export function applySecurityHeaders(request: FastifyRequest, reply: FastifyReply): void {
  reply.header('x-content-type-options', 'nosniff');
  if (!reply.hasHeader('referrer-policy')) reply.header('referrer-policy', 'strict-origin-when-cross-origin');
  const type = String(reply.getHeader('content-type') ?? '');
  if (type.startsWith('text/html') && !reply.hasHeader('content-security-policy')) {
    reply.header('content-security-policy', contentSecurityPolicy());
  }
  // Browsers without frame-ancestors read the older header; it can only say "never".
  if (/frame-ancestors 'none'/.test(String(reply.getHeader('content-security-policy') ?? ''))) reply.header('x-frame-options', 'DENY');
  if (request.protocol === 'https') reply.header('strict-transport-security', 'max-age=31536000');
}
