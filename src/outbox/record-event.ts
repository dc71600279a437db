import { enqueue } from '../jobs/index.ts';
import { newId } from '../shared/ids.ts';
import type { Db } from '../storage/database.ts';
import { outboxJobs, type OutboxEvent } from './outbox-event.ts';

/** Writes the event into the outbox in the caller's transaction: it is sent exactly when the change commits. */
async function record(tx: Db, event: OutboxEvent, now: Date): Promise<void> {
  await enqueue(tx, { name: outboxJobs.fanOut, payload: { event }, idempotencyKey: `fan-out:${event.id}`, maxAttempts: 20 }, now);
}

/** An incident or maintenance update posted with "deliver notifications". */
export async function notifyIncidentUpdate(tx: Db, update: { incidentId: string; id: string }, now: Date): Promise<void> {
  await record(
    tx,
    { id: update.id, at: now.toISOString(), kind: 'incident.updated', incidentId: update.incidentId, incidentUpdateId: update.id },
    now,
  );
}

export async function notifyPostmortem(tx: Db, incidentId: string, now: Date): Promise<void> {
  await record(tx, { id: newId(), at: now.toISOString(), kind: 'postmortem.published', incidentId }, now);
}

/** Causes whose changes nobody hears of: imported history. */
const unannouncedCauses: ReadonlySet<string> = new Set(['import']);

/**
 * Webhooks hear of every component status change but imported ones, those mirrored from a third
 * party included (the fan-out sends component changes to webhooks only, so email and chat
 * subscribers never hear of a mirrored change, as on Statuspage).
 */
export async function notifyComponentChange(
  tx: Db,
  change: { componentId: string; oldStatus: string; newStatus: string; cause: string },
  now: Date,
): Promise<void> {
  if (change.oldStatus === change.newStatus || unannouncedCauses.has(change.cause)) return;
  await record(
    tx,
    {
      id: newId(),
      at: now.toISOString(),
      kind: 'component.updated',
      componentId: change.componentId,
      oldStatus: change.oldStatus,
      newStatus: change.newStatus,
    },
    now,
  );
}

/** Mails a subscriber its confirmation link, or a webhook's owner the quarantine notice, straight away (no fan-out). */
export async function noticeToSubscriber(
  tx: Db,
  subscriberId: string,
  kind: 'subscriber.confirmation' | 'subscriber.quarantined',
  now: Date,
): Promise<void> {
  const event: OutboxEvent = { id: newId(), kind, at: now.toISOString() };
  await enqueue(tx, { name: outboxJobs.deliver, payload: { event, subscriberIds: [subscriberId] }, maxAttempts: 5 }, now);
}
