/**
 * Uptime as Statuspage computes it, from a component's status history (pure functions).
 * Decisions: days are cut at the page time zone's real midnights (23- and 25-hour DST days count
 * their real length); days before the start date, or before the day of the first change when there
 * is none, have no data; time before the first change counts as operational; time after `now`
 * has no data, so today weighs only the hours that have passed and later days are empty.
 */
export type { UptimeSubject, DayOutage, UptimeFigure, NoDataSpan } from './uptime.ts';
export {
  dailyOutages,
  uptimeForRange,
  monthlyUptime,
  groupUptime,
  uptimeFromDays,
  uptimeFromTotals,
  truncateToHundredths,
  firstDayWithData,
} from './uptime.ts';
export {
  dayColour,
  dayRgb,
  dayFill,
  weightedDowntime,
  defaultUptimePalette,
  type DayColourLevel,
  type UptimePalette,
} from './day-colour.ts';
export { addDays, dayStart, localDate, monthDays } from './zoned-days.ts';
export { loadUptimeSubjects } from './component-uptime.ts';
