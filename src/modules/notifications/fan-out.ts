import { createHash } from 'node:crypto';
import type { Ctx } from '../../shared/context.ts';
import { enqueue } from '../../jobs/index.ts';
import { findComponent } from '../components/index.ts';
import { findIncident } from '../incidents/index.ts';
import { channels as allChannels, listRecipients, type Channel, type RecipientQuery } from '../subscribers/index.ts';
import { insertDeliveries } from './delivery-store.ts';
import { fanOutPayloadSchema, notificationJobs, type NotificationEvent } from './notification-event.ts';

/** One delivery per (event, subscriber, channel): the key that makes every retry safe. */
export function deliveryKey(event: Pick<NotificationEvent, 'id'>, subscriberId: string, channel: Channel): string {
  return `${event.id}:${subscriberId}:${channel}`;
}

/** The same Message-ID on every attempt, so a mailbox that got the first copy drops a second. */
export function messageIdFor(key: string, publicUrl: string): string {
  return `<${createHash('sha256').update(key).digest('hex').slice(0, 32)}@${new URL(publicUrl).hostname}>`;
}

/** Who hears about the event; undefined when its subject is gone (a deleted incident). */
async function audience(ctx: Pick<Ctx, 'db'>, event: NotificationEvent): Promise<Omit<RecipientQuery, 'after' | 'limit'> | undefined> {
  if (event.kind === 'component.updated') {
    const component = await findComponent(ctx.db, event.componentId);
    if (component === undefined) return undefined;
    return {
      channels: ['webhook'],
      incidentId: null,
      componentIds: [component.id, ...(component.groupId === null ? [] : [component.groupId])],
    };
  }
  if (event.kind === 'incident.updated' || event.kind === 'postmortem.published') {
    const incident = await findIncident(ctx.db, event.incidentId);
    if (incident === undefined) return undefined;
    const update = event.kind === 'incident.updated' ? incident.updates.find((u) => u.id === event.incidentUpdateId) : undefined;
    const componentIds = new Set<string>([...incident.componentIds, ...(update?.affectedComponents.map((c) => c.componentId) ?? [])]);
    return { channels: allChannels, incidentId: incident.id, componentIds: [...componentIds] };
  }
  return undefined;
}

/**
 * The fan-out job: pages through the subscribers who hear about the event and, per page, writes
 * their deliveries and one delivery job in one transaction. Killed halfway and run again, it
 * walks the same pages; deliveries and jobs that exist already are not added twice.
 */
export async function fanOut(ctx: Ctx, payload: unknown, options: { publicUrl: string; batchSize: number }): Promise<number> {
  const { event } = fanOutPayloadSchema.parse(payload);
  const query = await audience(ctx, event);
  if (query === undefined) return 0;
  let after = '';
  let total = 0;
  for (;;) {
    const recipients = await listRecipients(ctx.db, { ...query, after, limit: options.batchSize });
    if (recipients.length === 0) return total;
    const now = ctx.clock.now();
    await ctx.db.transaction().execute(async (tx) => {
      const deliveries = recipients.map((r) => {
        const key = deliveryKey(event, r.id, r.channel);
        return {
          key,
          eventId: event.id,
          eventKind: event.kind,
          subscriberId: r.id,
          channel: r.channel,
          messageId: messageIdFor(key, options.publicUrl),
        };
      });
      await insertDeliveries(tx, deliveries, now);
      const subscriberIds = recipients.map((r) => r.id);
      await enqueue(
        tx,
        {
          name: notificationJobs.deliver,
          payload: { event, subscriberIds },
          idempotencyKey: `deliver:${event.id}:${subscriberIds[0]}`,
          maxAttempts: 12,
        },
        now,
      );
    });
    total += recipients.length;
    after = recipients[recipients.length - 1]!.id;
  }
}
