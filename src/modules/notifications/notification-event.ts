import { z } from 'zod';
import {
  deliverPayloadSchema as outboxDeliverPayload,
  fanOutPayloadSchema as outboxFanOutPayload,
  type OutboxEvent,
} from '../../outbox/index.ts';
import { componentStatusSchema, type ComponentStatus } from '../components/index.ts';

export { isSubscriberNotice, outboxJobs as notificationJobs } from '../../outbox/index.ts';

type ComponentUpdated = Extract<OutboxEvent, { kind: 'component.updated' }>;

/** An outbox event as notifications read it back: a component change's statuses are component statuses. */
export type NotificationEvent =
  | Exclude<OutboxEvent, ComponentUpdated>
  | (Omit<ComponentUpdated, 'oldStatus' | 'newStatus'> & { oldStatus: ComponentStatus; newStatus: ComponentStatus });

/** Checks a component change's statuses as the job reads its payload back (parse at the edge, trust inside). */
function readEvent(event: OutboxEvent, ctx: z.RefinementCtx): NotificationEvent {
  if (event.kind !== 'component.updated') return event;
  const oldStatus = componentStatusSchema.safeParse(event.oldStatus);
  const newStatus = componentStatusSchema.safeParse(event.newStatus);
  if (oldStatus.success && newStatus.success) return { ...event, oldStatus: oldStatus.data, newStatus: newStatus.data };
  ctx.addIssue({ code: 'custom', message: `unknown component status in ${event.oldStatus} → ${event.newStatus}`, path: ['event'] });
  return z.NEVER;
}

export const fanOutPayloadSchema = outboxFanOutPayload.transform((p, ctx) => ({ event: readEvent(p.event, ctx) }));
export const deliverPayloadSchema = outboxDeliverPayload.transform((p, ctx) => ({ ...p, event: readEvent(p.event, ctx) }));
