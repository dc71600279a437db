import type { LightMyRequestResponse } from 'fastify';
import type { ApiTestApp } from './api-test-app.ts';

export interface CallOptions {
  /** A raw key sent as `Authorization: OAuth <key>`; null for none. Defaults to the write key (or the one `defaultKey` gives). */
  key?: string | null;
  headers?: Record<string, string>;
  /** A form body (`a[b]=c&…`) instead of JSON. */
  form?: string;
  json?: unknown;
}

/** `app.inject()` with an API key and a JSON or form body, as a Statuspage client sends them. */
export function apiClient(t: ApiTestApp, defaultKey: () => string = () => t.writeKey) {
  return async (
    method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE',
    url: string,
    options: CallOptions = {},
  ): Promise<LightMyRequestResponse> => {
    const key = options.key === undefined ? defaultKey() : options.key;
    const headers: Record<string, string> = { ...(key !== null && { authorization: `OAuth ${key}` }), ...options.headers };
    if (options.form !== undefined) {
      headers['content-type'] = 'application/x-www-form-urlencoded';
      return t.aviso.app.inject({ method, url, headers, payload: options.form });
    }
    if (options.json !== undefined) return t.aviso.app.inject({ method, url, headers, payload: options.json as object });
    return t.aviso.app.inject({ method, url, headers });
  };
}
