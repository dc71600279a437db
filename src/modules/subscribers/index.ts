export * from './subscriber.ts';
export * from './subscriber-schemas.ts';
export { subscribe, configuredChannels } from './subscribe.ts';
export type { EndpointCheck } from './endpoint-check.ts';
export { confirmSubscription, unsubscribe, changeSubscribedComponents, subscriberFromToken } from './manage-subscription.ts';
export {
  addSubscriber,
  getSubscriber,
  removeSubscriber,
  resendConfirmation,
  reactivateSubscriber,
  unsubscribeSubscriber,
  setSubscriberComponents,
  listSubscribers,
  countSubscribers,
} from './admin-subscribers.ts';
export { resendConfirmations, unsubscribeSubscribers, reactivateSubscribers } from './bulk-subscriber-actions.ts';
export { exportSubscribersCsv, importSubscribersCsv, parseCsv } from './subscriber-csv.ts';
export { recordEndpointFailure, recordEndpointSuccess, markAddressUndeliverable } from './record-failure.ts';
export {
  findSubscriber,
  findSubscribers,
  listRecipients,
  insertSubscribers,
  purgeQuarantined,
  pruneRequests,
  type SubscriberFilter,
  type RecipientQuery,
} from './subscriber-store.ts';
export { requestsPerIpPerHour, mailsPerAddressPerDay } from './subscription-limits.ts';
