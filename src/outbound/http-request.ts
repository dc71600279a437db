import { request, type Dispatcher } from 'undici';
import { describeError, OutboundError, type OutboundFailure } from './outbound-failure.ts';
import { parseHttpUrl } from './target-address.ts';

export type HttpMethod = 'GET' | 'HEAD' | 'POST' | 'PUT' | 'PATCH' | 'DELETE' | 'OPTIONS';

export interface HttpRequestOptions {
  method?: HttpMethod;
  headers?: Record<string, string>;
  body?: string | Uint8Array;
  /** For the whole exchange: every redirect and the body included. */
  timeoutMs: number;
  /** Redirects followed, each through the guard; with 0 (the default) a redirect is the answer. */
  maxRedirects?: number;
  /** The largest body read; a larger answer is a `too-large` failure. Default 1 MiB. */
  maxBodyBytes?: number;
  /** `false` discards the body unread (a webhook only needs the status). Default `true`. */
  readBody?: boolean;
  /** Verify the server's certificate (default `true`). */
  verifyTls?: boolean;
}

export interface HttpResponse {
  ok: true;
  status: number;
  headers: Record<string, string | string[] | undefined>;
  /** Empty when `readBody` is false. */
  body: Buffer;
  /** The URL that answered, after redirects. */
  url: string;
  redirects: number;
  durationMs: number;
}

export type HttpResult = HttpResponse | OutboundFailure;

export const defaultMaxBodyBytes = 1024 * 1024;
const redirectStatuses = new Set([301, 302, 303, 307, 308]);
const credentialHeaders = ['authorization', 'cookie', 'proxy-authorization'];

/** One HTTP exchange through a guarded dispatcher, following redirects only as far as allowed. */
export async function sendHttpRequest(
  dispatcher: Dispatcher,
  userAgent: string,
  url: string,
  options: HttpRequestOptions,
): Promise<HttpResult> {
  const started = performance.now();
  const signal = AbortSignal.timeout(options.timeoutMs);
  const maxRedirects = options.maxRedirects ?? 0;
  let method: HttpMethod = options.method ?? 'GET';
  let body = options.body;
  let headers: Record<string, string> = { 'user-agent': userAgent, ...lowerCaseKeys(options.headers ?? {}) };
  try {
    let current = parseHttpUrl(url);
    for (let redirects = 0; ; redirects++) {
      const response = await request(current, { dispatcher, method, headers, body: body ?? null, signal });
      const location = response.headers['location'];
      if (redirectStatuses.has(response.statusCode) && typeof location === 'string' && maxRedirects > 0) {
        await response.body.dump();
        if (redirects >= maxRedirects) throw new OutboundError('redirect', `more than ${maxRedirects} redirect(s)`);
        const next = nextHop(current, location);
        if (next.origin !== current.origin) headers = withoutKeys(headers, credentialHeaders);
        if (response.statusCode === 303 || ((response.statusCode === 301 || response.statusCode === 302) && method === 'POST')) {
          method = method === 'HEAD' ? 'HEAD' : 'GET';
          body = undefined;
          headers = withoutKeys(headers, ['content-type', 'content-length']);
        }
        current = next;
        continue;
      }
      const read = options.readBody === false ? (await response.body.dump(), Buffer.alloc(0)) : await readCapped(response, options);
      return {
        ok: true,
        status: response.statusCode,
        headers: response.headers,
        body: read,
        url: current.toString(),
        redirects,
        durationMs: Math.round(performance.now() - started),
      };
    }
  } catch (error) {
    return describeError(signal.aborted ? signal.reason : error, options.timeoutMs, started);
  }
}

function nextHop(current: URL, location: string): URL {
  let next: URL;
  try {
    next = new URL(location, current);
  } catch {
    throw new OutboundError('redirect', 'redirected to an address that is not a valid URL');
  }
  if (next.protocol !== 'http:' && next.protocol !== 'https:')
    throw new OutboundError('redirect', 'redirected to an address that is not http(s)');
  return parseHttpUrl(next.toString());
}

async function readCapped(response: Dispatcher.ResponseData, options: HttpRequestOptions): Promise<Buffer> {
  const max = options.maxBodyBytes ?? defaultMaxBodyBytes;
  const tooLarge = () => new OutboundError('too-large', `the answer is larger than ${formatBytes(max)}`);
  const declared = Number(response.headers['content-length']);
  if (Number.isFinite(declared) && declared > max) {
    response.body.destroy();
    throw tooLarge();
  }
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of response.body as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > max) {
      response.body.destroy();
      throw tooLarge();
    }
    chunks.push(chunk);
  }
  return Buffer.concat(chunks, size);
}

function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${Math.round((bytes / (1024 * 1024)) * 10) / 10} MiB`;
  if (bytes >= 1024) return `${Math.round((bytes / 1024) * 10) / 10} KiB`;
  return `${bytes} bytes`;
}

const lowerCaseKeys = (headers: Record<string, string>) =>
  Object.fromEntries(Object.entries(headers).map(([k, v]) => [k.toLowerCase(), v]));
const withoutKeys = (headers: Record<string, string>, keys: string[]) =>
  Object.fromEntries(Object.entries(headers).filter(([k]) => !keys.includes(k)));
