export * from './signal.ts';
export { raiseSignal, clearSignal, type SignalChange } from './raise-signal.ts';
export { listSignals, insertNoData, listNoData } from './signal-store.ts';
