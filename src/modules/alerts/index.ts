export * from './receiver.ts';
export { readAlerts, genericAlertSchema, type PayloadFormat } from './alert-payloads.ts';
export { createReceiver } from './create-receiver.ts';
export { deleteReceiver } from './delete-receiver.ts';
export { updateReceiver } from './update-receiver.ts';
export { rotateReceiverToken } from './rotate-receiver-token.ts';
export { listReceipts, listReceiverTokenHashes, setReceiverTokenHash, keptReceipts, type AlertReceipt } from './receiver-store.ts';
export { listReceivers, loadReceiver } from './list-receivers.ts';
export { receiveAlerts, type ReceivedAlerts } from './receive-alerts.ts';
