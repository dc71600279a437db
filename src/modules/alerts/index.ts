export * from './receiver.ts';
export { readAlerts, genericAlertSchema, type PayloadFormat } from './alert-payloads.ts';
export { createReceiver } from './create-receiver.ts';
export { deleteReceiver } from './delete-receiver.ts';
export { listReceivers, loadReceiver } from './list-receivers.ts';
export { receiveAlerts, type ReceivedAlerts } from './receive-alerts.ts';
