export {
  outboxEventSchema,
  outboxJobs,
  isSubscriberNotice,
  fanOutPayloadSchema,
  deliverPayloadSchema,
  type OutboxEvent,
} from './outbox-event.ts';
export { notifyIncidentUpdate, notifyPostmortem, notifyComponentChange, noticeToSubscriber } from './record-event.ts';
