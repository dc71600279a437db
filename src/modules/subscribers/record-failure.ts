import type { Db } from '../../storage/database.ts';
import { noticeToSubscriber } from '../../outbox/index.ts';
import { mayMail } from './subscription-limits.ts';
import { addressKey, failureWindowMs, purgeAfterMs, quarantineAfterFailures, type Subscriber } from './subscriber.ts';
import { findSubscriber, saveSubscriber } from './subscriber-store.ts';

function quarantined(subscriber: Subscriber, now: Date, error: string): Subscriber {
  return {
    ...subscriber,
    state: 'quarantined',
    quarantinedAt: now,
    purgeAt: new Date(now.getTime() + purgeAfterMs),
    lastError: error,
    updatedAt: now,
  };
}

/**
 * Counts a failed request to an endpoint. The tenth failure in a row, each within an hour of the last, quarantines it, and
 * its owner hears about it by email if they left an address. Returns whether it is now quarantined.
 */
export async function recordEndpointFailure(tx: Db, subscriberId: string, now: Date, error: string): Promise<boolean> {
  const subscriber = await findSubscriber(tx, subscriberId);
  if (subscriber === undefined || subscriber.state !== 'active') return subscriber?.state === 'quarantined';
  const inWindow = subscriber.lastFailureAt !== null && now.getTime() - subscriber.lastFailureAt.getTime() < failureWindowMs;
  const failureCount = inWindow ? subscriber.failureCount + 1 : 1;
  let next: Subscriber = { ...subscriber, failureCount, lastFailureAt: now, lastError: error, updatedAt: now };
  const isQuarantined = failureCount >= quarantineAfterFailures;
  if (isQuarantined) next = quarantined(next, now, error);
  await saveSubscriber(tx, next, addressKey(next.channel, next.address, next.incidentId));
  // The notice address was never confirmed, so it gets no more mail than a subscribe form could send it.
  if (isQuarantined && next.notifyEmail !== null && (await mayMail(tx, next.notifyEmail, now))) {
    await noticeToSubscriber(tx, next.id, 'subscriber.quarantined', now);
  }
  return isQuarantined;
}

/** A request that got through clears the count of failures. */
export async function recordEndpointSuccess(tx: Db, subscriber: Subscriber, now: Date): Promise<void> {
  if (subscriber.failureCount === 0) return;
  const next: Subscriber = { ...subscriber, failureCount: 0, lastFailureAt: null, updatedAt: now };
  await saveSubscriber(tx, next, addressKey(next.channel, next.address, next.incidentId));
}

/** A permanent SMTP refusal (5xx): the address is quarantined and mailed no more. */
export async function markAddressUndeliverable(tx: Db, subscriberId: string, now: Date, error: string): Promise<void> {
  const subscriber = await findSubscriber(tx, subscriberId);
  if (subscriber === undefined || subscriber.state === 'quarantined') return;
  const next = quarantined(subscriber, now, error);
  await saveSubscriber(tx, next, addressKey(next.channel, next.address, next.incidentId));
}
