export type { NotificationChannel, Delivery, DeliveryResult } from './channel.ts';
export { notificationJobs, type NotificationEvent } from './notification-event.ts';
export { createChannels, type Channels } from './channels/index.ts';
export { signWebhook } from './channels/webhook.ts';
export {
  createNotificationHandlers,
  notificationSettings,
  notificationRecurringJobs,
  type NotificationSettings,
} from './notification-jobs.ts';
export { listSubscriberDeliveries, listEventDeliveries, countDeliveriesByStatus, type DeliveryRecord } from './delivery-store.ts';
export { subscriptionLinks } from './deliver.ts';
