export * from './monitor.ts';
export { createMonitor, hashPushToken } from './create-monitor.ts';
export { updateMonitor } from './update-monitor.ts';
export { deleteMonitor } from './delete-monitor.ts';
export { recordHeartbeat, type RecordedHeartbeat } from './record-heartbeat.ts';
export { rotatePushToken } from './rotate-push-token.ts';
export { testMonitor } from './test-monitor.ts';
export { listMonitors, getMonitor, monitorHistory, type MonitorView } from './list-monitors.ts';
export {
  createMonitorHandlers,
  monitorRecurringJobs,
  monitorClients,
  ensureChecksScheduled,
  type MonitorJobSettings,
} from './monitor-jobs.ts';
export { rollUpResults, defaultRetention, type RetentionSettings } from './roll-up-results.ts';
export type { CheckResult } from './checks/check-result.ts';
export type { MonitorClients } from './run-check.ts';
export { nextSlot, slotOffsetMs, checkJobName } from './schedule.ts';
export {
  listMonitorRows,
  listMonitorsOfComponent,
  listPushTokenHashes,
  setPushTokenHash,
  insertResult,
  addToRollup,
} from './monitor-store.ts';
export { checkTiming, parseSettings } from './monitor-checks.ts';
export { listSparklines, emptySparkline, type Sparkline } from './list-sparklines.ts';
export { listPublicCharts, showsPublicCharts, chartDays, type ResponseChart } from './list-public-charts.ts';
export type { ResponsePoint, ResponseSeries } from './response-times.ts';
