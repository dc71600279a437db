import { prepare, type CachedResponse, type Rendered } from '../http/cached-response.ts';
import type { Clock } from '../shared/clock.ts';

/**
 * Renderings that age with time as well as with the data (uptime figures move as days pass): each
 * key is rendered again when the data revision or the hour changes. One entry per key, so memory
 * stays bounded by the number of keys.
 */
export class HourlyCache {
  readonly #entries = new Map<string, { stamp: string; response: Promise<CachedResponse> }>();
  readonly #revision: () => number;
  readonly #clock: Clock;

  constructor(revision: () => number, clock: Clock) {
    this.#revision = revision;
    this.#clock = clock;
  }

  get(key: string, render: () => Promise<Rendered> | Rendered): Promise<CachedResponse> {
    const stamp = `${this.#revision()}:${this.#clock.now().toISOString().slice(0, 13)}`;
    const entry = this.#entries.get(key);
    if (entry !== undefined && entry.stamp === stamp) return entry.response;
    const response = Promise.resolve().then(render).then(prepare);
    this.#entries.set(key, { stamp, response });
    // A failed rendering is not kept: the next request tries again.
    response.catch(() => {
      if (this.#entries.get(key)?.response === response) this.#entries.delete(key);
    });
    return response;
  }
}
