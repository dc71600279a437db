import type { Ctx } from '../../shared/context.ts';
import { markAddressUndeliverable, recordEndpointFailure, recordEndpointSuccess, type Subscriber } from '../subscribers/index.ts';
import { recordOutcomes, type DeliveryOutcome } from './delivery-store.ts';

export interface Outcome extends DeliveryOutcome {
  subscriber: Subscriber;
  /** What else the result means for the subscriber. */
  effect: 'none' | 'endpoint-failed' | 'endpoint-ok' | 'address-undeliverable';
}

/**
 * Writes delivery outcomes a few at a time, in one transaction per group: each message is recorded
 * within about `maxDelayMs` of being accepted (the only window in which a crash could resend it)
 * without paying one disk flush per message. When the database falls behind, `add` makes the
 * sender wait, so that never more than `maxBatch` accepted messages (plus those already on the
 * wire) are unrecorded: that is all a crash can send twice.
 */
export class OutcomeRecorder {
  #pending: Outcome[] = [];
  #timer: NodeJS.Timeout | undefined;
  #chain: Promise<void> = Promise.resolve();
  #failure: Error | undefined;
  #writing = 0;

  constructor(
    private readonly ctx: Ctx,
    private readonly claimant: string,
    private readonly options: { maxBatch: number; maxDelayMs: number } = { maxBatch: 50, maxDelayMs: 100 },
  ) {}

  /** Queues an outcome; resolves at once unless `maxBatch` outcomes are already waiting to be written. */
  add(outcome: Outcome): Promise<void> {
    this.#pending.push(outcome);
    if (this.#pending.length >= this.options.maxBatch) void this.#flushNow();
    else if (this.#timer === undefined) this.#timer = setTimeout(() => void this.#flushNow(), this.options.maxDelayMs);
    return this.#pending.length + this.#writing >= this.options.maxBatch ? this.#chain : Promise.resolve();
  }

  /** Waits until everything added so far is written; rethrows a failed write. */
  async flush(): Promise<void> {
    await this.#flushNow();
    await this.#chain;
    if (this.#failure !== undefined) throw this.#failure;
  }

  #flushNow(): Promise<void> {
    clearTimeout(this.#timer);
    this.#timer = undefined;
    const batch = this.#pending.splice(0);
    if (batch.length === 0) return this.#chain;
    this.#writing += batch.length;
    this.#chain = this.#chain
      .then(() => this.#write(batch))
      .finally(() => (this.#writing -= batch.length))
      .catch((error: unknown) => {
        this.#failure ??= error instanceof Error ? error : new Error('the delivery outcomes could not be recorded', { cause: error });
      });
    return this.#chain;
  }

  async #write(batch: Outcome[]): Promise<void> {
    const now = this.ctx.clock.now();
    await this.ctx.db.transaction().execute(async (tx) => {
      await recordOutcomes(tx, batch, this.claimant, now);
      for (const outcome of batch) {
        if (outcome.effect === 'endpoint-failed') await recordEndpointFailure(tx, outcome.subscriber.id, now, outcome.error ?? 'failed');
        else if (outcome.effect === 'endpoint-ok') await recordEndpointSuccess(tx, outcome.subscriber, now);
        else if (outcome.effect === 'address-undeliverable')
          await markAddressUndeliverable(tx, outcome.subscriber.id, now, outcome.error ?? 'refused');
      }
    });
  }
}
