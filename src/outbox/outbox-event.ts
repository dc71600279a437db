import { z } from 'zod';

/**
 * What happened, as the outbox records it: ids only, so every delivery renders from the data as it
 * stands. Component changes carry their statuses because the component moves on. The outbox sits
 * below the modules that write to it, so statuses are plain strings here; the notifications module
 * reads them back as component statuses.
 */
export const outboxEventSchema = z.discriminatedUnion('kind', [
  z.object({ id: z.string(), at: z.string(), kind: z.literal('incident.updated'), incidentId: z.string(), incidentUpdateId: z.string() }),
  z.object({ id: z.string(), at: z.string(), kind: z.literal('postmortem.published'), incidentId: z.string() }),
  z.object({
    id: z.string(),
    at: z.string(),
    kind: z.literal('component.updated'),
    componentId: z.string(),
    oldStatus: z.string(),
    newStatus: z.string(),
  }),
  z.object({ id: z.string(), at: z.string(), kind: z.literal('subscriber.confirmation') }),
  z.object({ id: z.string(), at: z.string(), kind: z.literal('subscriber.quarantined') }),
]);
export type OutboxEvent = z.infer<typeof outboxEventSchema>;

/** Events about the subscription itself go by email to the subscriber, whatever its channel. */
export function isSubscriberNotice(event: Pick<OutboxEvent, 'kind'>): boolean {
  return event.kind === 'subscriber.confirmation' || event.kind === 'subscriber.quarantined';
}

/** The jobs the outbox writes and the notifications module runs. */
export const outboxJobs = { fanOut: 'notifications.fan-out', deliver: 'notifications.deliver' } as const;

export const fanOutPayloadSchema = z.object({ event: outboxEventSchema });
export const deliverPayloadSchema = z.object({ event: outboxEventSchema, subscriberIds: z.array(z.string()).min(1) });
