import { z } from 'zod';
import type { ComponentStatus } from '../components/index.ts';

/**
 * What happened, as the outbox records it: ids only, so every delivery renders from the data
 * as it stands. Component changes carry their statuses because the component moves on.
 */
export const notificationEventSchema = z.discriminatedUnion('kind', [
  z.object({ id: z.string(), at: z.string(), kind: z.literal('incident.updated'), incidentId: z.string(), incidentUpdateId: z.string() }),
  z.object({ id: z.string(), at: z.string(), kind: z.literal('postmortem.published'), incidentId: z.string() }),
  z.object({
    id: z.string(),
    at: z.string(),
    kind: z.literal('component.updated'),
    componentId: z.string(),
    oldStatus: z.string().transform((s) => s as ComponentStatus),
    newStatus: z.string().transform((s) => s as ComponentStatus),
  }),
  z.object({ id: z.string(), at: z.string(), kind: z.literal('subscriber.confirmation') }),
  z.object({ id: z.string(), at: z.string(), kind: z.literal('subscriber.quarantined') }),
]);
export type NotificationEvent = z.infer<typeof notificationEventSchema>;

/** Events about the subscription itself go by email to the subscriber, whatever its channel. */
export function isSubscriberNotice(event: NotificationEvent): boolean {
  return event.kind === 'subscriber.confirmation' || event.kind === 'subscriber.quarantined';
}

export const notificationJobs = { fanOut: 'notifications.fan-out', deliver: 'notifications.deliver' } as const;

export const fanOutPayloadSchema = z.object({ event: notificationEventSchema });
export const deliverPayloadSchema = z.object({ event: notificationEventSchema, subscriberIds: z.array(z.string()).min(1) });
