import type { Kysely } from 'kysely';
import { enqueue } from '../../jobs/index.ts';
import { newId } from '../../shared/ids.ts';
import type { Database } from '../../storage/tables.ts';
import type { ComponentStatus, StatusCause } from '../components/index.ts';
import { notificationJobs, type NotificationEvent } from './notification-event.ts';

/** Writes the event into the outbox in the caller's transaction: it is sent exactly when the change commits. */
async function record(tx: Kysely<Database>, event: NotificationEvent, now: Date): Promise<void> {
  await enqueue(tx, { name: notificationJobs.fanOut, payload: { event }, idempotencyKey: `fan-out:${event.id}`, maxAttempts: 20 }, now);
}

/** An incident or maintenance update posted with "deliver notifications". */
export async function notifyIncidentUpdate(tx: Kysely<Database>, update: { incidentId: string; id: string }, now: Date): Promise<void> {
  await record(
    tx,
    { id: update.id, at: now.toISOString(), kind: 'incident.updated', incidentId: update.incidentId, incidentUpdateId: update.id },
    now,
  );
}

export async function notifyPostmortem(tx: Kysely<Database>, incidentId: string, now: Date): Promise<void> {
  await record(tx, { id: newId(), at: now.toISOString(), kind: 'postmortem.published', incidentId }, now);
}

/** Webhooks hear of every component status change but those mirrored from third parties. */
export async function notifyComponentChange(
  tx: Kysely<Database>,
  change: { componentId: string; oldStatus: ComponentStatus; newStatus: ComponentStatus; cause: StatusCause },
  now: Date,
): Promise<void> {
  if (change.oldStatus === change.newStatus || change.cause === 'third_party' || change.cause === 'import') return;
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
