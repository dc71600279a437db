import type { Kysely } from 'kysely';
import { enqueue } from '../../jobs/index.ts';
import { newId } from '../../shared/ids.ts';
import type { Database } from '../../storage/tables.ts';

/** Asks the notifications worker to mail a subscriber the confirmation link (or a webhook owner a notice). */
export async function enqueueSubscriberMail(
  tx: Kysely<Database>,
  subscriberId: string,
  kind: 'subscriber.confirmation' | 'subscriber.quarantined',
  now: Date,
): Promise<void> {
  const event = { id: newId(), kind, at: now.toISOString() };
  await enqueue(tx, { name: 'notifications.deliver', payload: { event, subscriberIds: [subscriberId] }, maxAttempts: 5 }, now);
}
