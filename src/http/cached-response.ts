import { createHash } from 'node:crypto';
import { promisify } from 'node:util';
import { brotliCompress, brotliCompressSync, constants, gzip, gzipSync, type BrotliOptions } from 'node:zlib';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '../shared/errors.ts';

/** A rendered response held in memory, pre-compressed, with its validator. */
export interface CachedResponse {
  etag: string;
  contentType: string;
  cacheControl: string;
  identity: Buffer;
  gzip: Buffer | null;
  brotli: Buffer | null;
  /** Extra headers sent with every copy (CORS, for example). */
  headers: Record<string, string>;
  /** When the rendering was made (ms since the epoch); a kept copy carries the time of its rendering. */
  renderedAt: number;
  /** Set on a copy standing in for a rendering that could not be made (the database is away). */
  kept?: boolean;
}

export interface Rendered {
  body: string | Buffer;
  contentType: string;
  cacheControl?: string;
  headers?: Record<string, string>;
}

/** Browsers and CDNs may reuse a copy briefly, keep serving it while revalidating, and through an outage of ours. */
export const publicCacheControl = 'public, max-age=10, stale-while-revalidate=60, stale-if-error=86400';

const compressMinimum = 512;

/** The header that tells a reader of a kept copy when it was rendered (HTML pages also say it on the page). */
export const lastUpdatedHeader = 'x-aviso-last-updated';

const brotliAsync = promisify(brotliCompress);
const gzipAsync = promisify(gzip);
const brotliOptions = (identity: Buffer): BrotliOptions => ({
  params: { [constants.BROTLI_PARAM_QUALITY]: 10, [constants.BROTLI_PARAM_SIZE_HINT]: identity.length },
});

function respond(rendered: Rendered, renderedAt: number, identity: Buffer, gzipped: Buffer | null, brotli: Buffer | null): CachedResponse {
  return {
    etag: `"${createHash('sha1').update(identity).digest('base64url').slice(0, 22)}"`,
    contentType: rendered.contentType,
    cacheControl: rendered.cacheControl ?? publicCacheControl,
    identity,
    gzip: gzipped,
    brotli,
    headers: rendered.headers ?? {},
    renderedAt,
  };
}

/**
 * A rendering ready to serve, compressed on libuv's thread pool: brotli at quality 10 takes tens of
 * milliseconds for a large page, which must never hold the event loop while visitors wait.
 */
export async function prepare(rendered: Rendered, renderedAt = Date.now()): Promise<CachedResponse> {
  const identity = typeof rendered.body === 'string' ? Buffer.from(rendered.body, 'utf8') : rendered.body;
  if (identity.length < compressMinimum) return respond(rendered, renderedAt, identity, null, null);
  const [gzipped, brotli] = await Promise.all([gzipAsync(identity, { level: 9 }), brotliAsync(identity, brotliOptions(identity))]);
  return respond(rendered, renderedAt, identity, gzipped, brotli);
}

/** The same, compressed at once: only for what is prepared before the server listens (assets, docs pages). */
export function prepareAtStartup(rendered: Rendered): CachedResponse {
  const identity = typeof rendered.body === 'string' ? Buffer.from(rendered.body, 'utf8') : rendered.body;
  const compressible = identity.length >= compressMinimum;
  return respond(
    rendered,
    Date.now(),
    identity,
    compressible ? gzipSync(identity, { level: 9 }) : null,
    compressible ? brotliCompressSync(identity, brotliOptions(identity)) : null,
  );
}

/** Where the last good renderings are kept between runs (see rendered-store.ts). */
export interface RenderingKeeper {
  save(key: string, response: CachedResponse): void;
  load(key: string): Promise<CachedResponse | undefined>;
  /** Drops the kept copy of a key whose resource no longer exists. */
  forget(key: string): void;
}

/** What a lookup found, for /metrics: a stored copy, none (so a rendering), or an old copy standing in. */
export type CacheEvent = 'hit' | 'miss' | 'render' | 'render_failed' | 'stale_served';

/** A rendering that failed because the request names nothing (404) or is invalid: no old copy may stand in. */
function isClientError(error: unknown): boolean {
  return (error instanceof AppError && error.status < 500) || (error instanceof Error && error.name === 'ZodError');
}

/**
 * Renders each key once per generation (the data revision, and whatever else renderings depend on:
 * the composition root adds the page's day) and serves the stored Buffers afterwards.
 * Concurrent requests for a key being rendered share one rendering. When a rendering fails, or
 * while the database is known to be unreachable, the last good copy (from memory, else from disk)
 * is served instead.
 */
export class ResponseCache {
  readonly #entries = new Map<string, { generation: string | number; response: Promise<CachedResponse> }>();
  readonly #lastGood = new Map<string, CachedResponse>();
  /** The start order of the rendering each last good copy came from (see #render). */
  readonly #lastGoodOrder = new Map<string, number>();
  #started = 0;
  readonly #generation: () => string | number;
  readonly #keeper: RenderingKeeper | undefined;
  readonly #observe: (event: CacheEvent) => void;
  #offline = false;

  constructor(generation: () => string | number, keeper?: RenderingKeeper, observe: (event: CacheEvent) => void = () => {}) {
    this.#generation = generation;
    this.#keeper = keeper;
    this.#observe = observe;
  }

  /** While offline, keys with a last good copy are not rendered (the database would not answer). */
  setOffline(offline: boolean): void {
    this.#offline = offline;
  }

  get offline(): boolean {
    return this.#offline;
  }

  /**
   * The key's copy of this generation, rendered now when there is none. `freshness`: what else this
   * key's rendering depends on (a window of time for a page drawing monitor results, which are not
   * part of the revision); a new value renders the key again, and only this key.
   */
  get(key: string, render: () => Promise<Rendered> | Rendered, freshness?: string | number): Promise<CachedResponse> {
    const generation = freshness === undefined ? this.#generation() : `${this.#generation()}~${freshness}`;
    const entry = this.#entries.get(key);
    if (entry !== undefined && entry.generation === generation) {
      this.#observe('hit');
      return entry.response;
    }
    this.#observe('miss');
    if (this.#offline)
      return this.stale(key).then((good) => (good === undefined ? this.#render(key, generation, render) : { ...good, kept: true }));
    return this.#render(key, generation, render);
  }

  /**
   * Renders a key. Renderings of one key may overlap (a write between two requests); one started
   * later reads data at least as new, so it wins whichever finishes first: an older rendering that
   * finishes last is neither kept nor served, its waiters get the newer copy. So a key never goes
   * back to older data once newer data was served.
   */
  #render(key: string, generation: string | number, render: () => Promise<Rendered> | Rendered): Promise<CachedResponse> {
    const order = ++this.#started;
    const response: Promise<CachedResponse> = Promise.resolve()
      .then(render)
      .then((rendered) => prepare(rendered))
      .then(
        (fresh) => {
          this.#observe('render');
          const newer = this.#lastGood.get(key);
          if (newer !== undefined && (this.#lastGoodOrder.get(key) ?? 0) > order) {
            if (this.#entries.get(key)?.response === response) this.#entries.delete(key);
            return newer;
          }
          this.#lastGood.set(key, fresh);
          this.#lastGoodOrder.set(key, order);
          this.#keeper?.save(key, fresh);
          return fresh;
        },
        async (error: unknown) => {
          // A failed rendering is not kept: the next request tries again.
          this.#observe('render_failed');
          if (this.#entries.get(key)?.response === response) this.#entries.delete(key);
          if (isClientError(error)) {
            this.#lastGood.delete(key);
            this.#lastGoodOrder.delete(key);
            this.#keeper?.forget(key);
            throw error;
          }
          const good = await this.stale(key);
          if (good !== undefined) {
            this.#observe('stale_served');
            return { ...good, kept: true };
          }
          throw this.#offline ? new AppError('database_unavailable') : error;
        },
      );
    this.#entries.set(key, { generation, response });
    return response;
  }

  /** The last good copy of a key whatever its revision (for serving through a database outage). */
  async stale(key: string): Promise<CachedResponse | undefined> {
    const good = this.#lastGood.get(key);
    if (good !== undefined || this.#keeper === undefined) return good;
    const kept = await this.#keeper.load(key).catch(() => undefined);
    if (kept !== undefined && !this.#lastGood.has(key)) this.#lastGood.set(key, kept);
    return this.#lastGood.get(key);
  }
}

function acceptsEncoding(header: string | undefined, encoding: string): boolean {
  if (header === undefined) return false;
  return header.split(',').some((part) => {
    const [name, ...params] = part.trim().split(';');
    if (name?.trim().toLowerCase() !== encoding) return false;
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    return q === undefined || Number(q.slice(2)) > 0;
  });
}

function matchesEtag(header: string | undefined, etag: string): boolean {
  if (header === undefined) return false;
  return header.split(',').some((tag) => {
    const t = tag.trim();
    return t === '*' || t === etag || t === `W/${etag}`;
  });
}

/** Sends a cached response: 304 when the client has it, else the best encoding it accepts. */
export function sendCached(request: FastifyRequest, reply: FastifyReply, response: CachedResponse): FastifyReply {
  reply.header('etag', response.etag);
  reply.header('cache-control', response.cacheControl);
  reply.header('vary', 'Accept-Encoding');
  for (const [name, value] of Object.entries(response.headers)) reply.header(name, value);
  if (response.kept === true) reply.header(lastUpdatedHeader, new Date(response.renderedAt).toISOString());
  if (matchesEtag(request.headers['if-none-match'], response.etag)) return reply.code(304).send();
  reply.header('content-type', response.contentType);
  const accept = request.headers['accept-encoding'];
  if (response.brotli !== null && acceptsEncoding(accept, 'br')) {
    return reply.header('content-encoding', 'br').send(response.brotli);
  }
  if (response.gzip !== null && acceptsEncoding(accept, 'gzip')) {
    return reply.header('content-encoding', 'gzip').send(response.gzip);
  }
  return reply.send(response.identity);
}
