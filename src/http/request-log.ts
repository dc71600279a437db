import { randomBytes } from 'node:crypto';
import type { App } from './create-app.ts';

/**
 * Requests the instance makes to itself (the background rendering of the whole site) carry this
 * header with this process's random value; they are neither logged nor counted as visitors' requests.
 */
export const backgroundRequest = { header: 'x-aviso-background-render', value: randomBytes(16).toString('hex') } as const;

export type AccessLogMode = 'all' | 'errors' | 'off';

export interface RequestObserver {
  observeRequest(request: { method: string; route: string; status: number; seconds: number }): void;
}

/**
 * After each response: one access-log line (every request, only 4xx/5xx answers, or none) with the
 * request id the response carried in `x-request-id` (the line's `reqId`), and the request counted for /metrics by its
 * route pattern (so `/incidents/abc` and `/incidents/def` are one series; unknown paths are one too).
 */
export function registerRequestLog(app: App, options: { mode: AccessLogMode; observer?: RequestObserver | undefined }): void {
  const { mode, observer } = options;
  app.addHook('onResponse', async (request, reply) => {
    if (request.headers[backgroundRequest.header] === backgroundRequest.value) return;
    const status = reply.statusCode;
    const route = request.routeOptions.url ?? 'unmatched';
    const ms = reply.elapsedTime;
    observer?.observeRequest({ method: request.method, route, status, seconds: ms / 1000 });
    if (mode === 'off' || (mode === 'errors' && status < 400)) return;
    const length = reply.getHeader('content-length');
    request.log.info(
      {
        method: request.method,
        url: request.url,
        route,
        status,
        ms: Math.round(ms * 10) / 10,
        bytes: length === undefined ? undefined : Number(length),
        ip: request.ip,
        userAgent: request.headers['user-agent'],
      },
      'request',
    );
  });
}
