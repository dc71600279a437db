import { DateTime } from 'luxon';
import { invalid } from '../../shared/errors.ts';

/** Calendar days from..to in a time zone: `bounds[i]` is the first millisecond of `dates[i]`, `bounds[n]` the end. */
export interface DayGrid {
  dates: string[];
  bounds: number[];
}

const isoDate = /^(\d{4})-(\d{2})-(\d{2})$/;
const dayMs = 86_400_000;

/** Milliseconds since the epoch of a 'YYYY-MM-DD' taken as a UTC date; rejects impossible dates. */
function utcDay(date: string): number {
  const m = isoDate.exec(date);
  const ms = m === null ? NaN : Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  if (Number.isNaN(ms) || new Date(ms).toISOString().slice(0, 10) !== date) throw invalid(`"${date}" is not a date like 2025-11-20.`);
  return ms;
}

export function addDays(date: string, days: number): string {
  return new Date(utcDay(date) + days * dayMs).toISOString().slice(0, 10);
}

/** The calendar date ('YYYY-MM-DD') of an instant in a time zone. */
export function localDate(ms: number, timeZone: string): string {
  const date = DateTime.fromMillis(ms, { zone: timeZone });
  if (!date.isValid) throw invalid(`"${timeZone}" is not a time zone.`);
  return date.toISODate();
}

/**
 * The first instant of a calendar day in a time zone: local midnight, or the first instant after
 * it when a DST jump skips midnight; when midnight happens twice, the earlier one.
 */
export function dayStart(date: string, timeZone: string): number {
  utcDay(date);
  const start = DateTime.fromISO(date, { zone: timeZone });
  if (!start.isValid) throw invalid(`"${timeZone}" is not a time zone.`);
  let ms = start.toMillis();
  // Luxon resolves a repeated midnight to the later offset; step back to the first one.
  for (let i = 0; i < 2; i++) {
    const before = DateTime.fromMillis(ms - 1, { zone: timeZone });
    if (before.toISODate() !== date) break;
    ms = before.startOf('day').toMillis();
  }
  return ms;
}

const gridCache = new Map<string, DayGrid>();
const gridCacheSize = 256;

/** The days from..to (inclusive) cut in `timeZone`; remembered, since every component of a page shares them. */
export function dayGrid(from: string, to: string, timeZone: string): DayGrid {
  const key = `${timeZone}|${from}|${to}`;
  const cached = gridCache.get(key);
  if (cached !== undefined) return cached;
  const count = Math.round((utcDay(to) - utcDay(from)) / dayMs) + 1;
  const dates: string[] = [];
  for (let i = 0; i < count; i++) dates.push(addDays(from, i));
  const bounds = count > 0 ? [...dates, addDays(to, 1)].map((d) => dayStart(d, timeZone)) : [];
  const grid = { dates, bounds };
  if (gridCache.size >= gridCacheSize) gridCache.delete(gridCache.keys().next().value as string);
  gridCache.set(key, grid);
  return grid;
}

/** The first and last day of a calendar month 'YYYY-MM'. */
export function monthDays(month: string): { from: string; to: string } {
  const from = `${month}-01`;
  utcDay(from);
  const [year, monthNumber] = month.split('-').map(Number) as [number, number];
  const to = new Date(Date.UTC(year, monthNumber, 0)).toISOString().slice(0, 10);
  return { from, to };
}
