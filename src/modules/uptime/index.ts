export type { UptimeSubject, DayOutage, UptimeFigure } from './uptime.ts';
export { dailyOutages, uptimeForRange, monthlyUptime, groupUptime, uptimeFromDays, uptimeFromTotals, truncateToHundredths, firstDayWithData } from './uptime.ts';
export { dayColour, dayRgb, dayFill, weightedDowntime, defaultUptimePalette, type DayColourLevel, type UptimePalette } from './day-colour.ts';
export { addDays, dayStart, localDate, monthDays } from './zoned-days.ts';
export { loadUptimeSubjects } from './component-uptime.ts';
