import { createHash, randomBytes } from 'node:crypto';
import { mkdir, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import type { Logger } from '../shared/logger.ts';
import { prepare, type CachedResponse } from './cached-response.ts';

const storedSchema = z.object({
  key: z.string(),
  contentType: z.string(),
  cacheControl: z.string(),
  headers: z.record(z.string(), z.string()),
  body: z.base64(),
  /** Copies kept before this field existed have the file's time instead. */
  renderedAt: z.number().optional(),
});

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

const pruneEveryMs = 24 * 60 * 60 * 1000;
const keepForMs = 7 * 24 * 60 * 60 * 1000;

/** Only responses anyone may cache are written to disk; private or no-store ones never are. */
export function isPublic(response: Pick<CachedResponse, 'cacheControl'>): boolean {
  const directives = response.cacheControl.toLowerCase();
  return /\bpublic\b/.test(directives) && !/\b(private|no-store)\b/.test(directives);
}

/**
 * The last good rendering of each public cache key, on disk, so an instance that starts while its
 * database is unreachable can still serve the page. Files are replaced atomically (temp + rename).
 */
export class RenderedStore {
  readonly #dir: string;
  readonly #log: Logger;
  readonly #saved = new Map<string, { etag: string; at: number }>();
  readonly #pending = new Map<string, Promise<void>>();
  #prunedAt = 0;

  constructor(dir: string, log: Logger) {
    this.#dir = dir;
    this.#log = log;
  }

  #file(key: string): string {
    return join(this.#dir, `${createHash('sha256').update(key).digest('hex').slice(0, 40)}.json`);
  }

  /** Writes in the background, one write at a time per key; a copy already on disk is rewritten once a day, to outlive pruning. */
  save(key: string, response: CachedResponse): void {
    const saved = this.#saved.get(key);
    if (!isPublic(response) || (saved?.etag === response.etag && Date.now() - saved.at < pruneEveryMs)) return;
    this.#saved.set(key, { etag: response.etag, at: Date.now() });
    if (Date.now() - this.#prunedAt > pruneEveryMs) {
      this.#prunedAt = Date.now();
      void this.prune(keepForMs);
    }
    const previous = this.#pending.get(key) ?? Promise.resolve();
    const next = previous.then(() => this.#write(key, response));
    this.#pending.set(key, next);
    void next.finally(() => {
      if (this.#pending.get(key) === next) this.#pending.delete(key);
    });
  }

  async #write(key: string, response: CachedResponse): Promise<void> {
    const file = this.#file(key);
    const temp = `${file}.${randomBytes(6).toString('hex')}.tmp`;
    const stored = {
      key,
      contentType: response.contentType,
      cacheControl: response.cacheControl,
      headers: response.headers,
      body: response.identity.toString('base64'),
      renderedAt: response.renderedAt,
    };
    try {
      await mkdir(this.#dir, { recursive: true });
      await writeFile(temp, JSON.stringify(stored));
      await rename(temp, file);
    } catch (error) {
      this.#saved.delete(key);
      await rm(temp, { force: true }).catch(() => {});
      this.#log.warn({ err: error, key }, 'could not keep the rendering on disk');
    }
  }

  /** Deletes the copy of a key, after any write of it still under way. */
  forget(key: string): void {
    this.#saved.delete(key);
    const previous = this.#pending.get(key) ?? Promise.resolve();
    const next = previous.then(() => rm(this.#file(key), { force: true })).catch(() => {});
    this.#pending.set(key, next);
    void next.finally(() => {
      if (this.#pending.get(key) === next) this.#pending.delete(key);
    });
  }

  /** The copy on disk, with the same ETag it was served with; undefined when there is none. */
  async load(key: string): Promise<CachedResponse | undefined> {
    let text: string;
    let modifiedAt: number;
    try {
      text = await readFile(this.#file(key), 'utf8');
      modifiedAt = (await stat(this.#file(key))).mtimeMs;
    } catch {
      return undefined;
    }
    const parsed = storedSchema.safeParse(parseJson(text));
    if (!parsed.success || parsed.data.key !== key) {
      this.#log.warn({ key }, 'ignoring an unreadable rendering on disk');
      return undefined;
    }
    const { contentType, cacheControl, headers, body, renderedAt } = parsed.data;
    return prepare({ body: Buffer.from(body, 'base64'), contentType, cacheControl, headers }, renderedAt ?? Math.round(modifiedAt));
  }

  /**
   * Deletes copies not rewritten for `olderThanMs` (keys that name a day or a page of history stop
   * being rendered). Runs only while renderings succeed, so an outage never empties the store.
   */
  async prune(olderThanMs: number): Promise<number> {
    for (const [key, saved] of this.#saved) if (Date.now() - saved.at > olderThanMs) this.#saved.delete(key);
    const names = await readdir(this.#dir).catch(() => [] as string[]);
    let removed = 0;
    for (const name of names) {
      const file = join(this.#dir, name);
      const info = await stat(file).catch(() => undefined);
      if (info === undefined || Date.now() - info.mtimeMs <= olderThanMs) continue;
      await rm(file, { force: true });
      removed += 1;
    }
    return removed;
  }

  /** Resolves when every write started so far has finished. */
  async flush(): Promise<void> {
    while (this.#pending.size > 0) await Promise.all(this.#pending.values());
  }
}
