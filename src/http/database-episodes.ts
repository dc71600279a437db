import type { AppError } from '../shared/errors.ts';
import type { Logger } from '../shared/logger.ts';

/**
 * Logs a failure of the database (unreachable, disk full, read-only) once when it starts and once
 * when a change succeeds again, instead of once per request: an outage under load would otherwise
 * write thousands of identical lines.
 */
export class DatabaseEpisodes {
  readonly #log: Logger;
  #current: { code: string; since: number; refused: number } | undefined;

  constructor(log: Logger) {
    this.#log = log;
  }

  failed(error: AppError, request: { id: string; method: string; url: string }): void {
    if (this.#current?.code === error.code) {
      this.#current.refused++;
      return;
    }
    this.#current = { code: error.code, since: Date.now(), refused: 1 };
    const cause = error.cause instanceof Error ? error.cause.message : undefined;
    this.#log.error(
      { code: error.code, cause, reqId: request.id, method: request.method, url: request.url },
      `${error.message} Further requests failing for this reason are not logged until a change succeeds.`,
    );
  }

  /** A change was saved: the episode, if any, is over. */
  succeeded(): void {
    if (this.#current === undefined) return;
    const { code, since, refused } = this.#current;
    this.#current = undefined;
    this.#log.info({ code, refused, seconds: Math.round((Date.now() - since) / 1000) }, 'the database accepts changes again');
  }
}
