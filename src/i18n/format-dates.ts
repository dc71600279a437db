import type { Locale } from '../shared/locales.ts';
import type { Translator } from './translate.ts';

/**
 * Dates, months, ranges and numbers through Intl. Instants are shown in the page's time zone;
 * calendar dates ('YYYY-MM-DD') and months ('YYYY-MM') are already local and are formatted in UTC.
 */
const formatters = new Map<string, Intl.DateTimeFormat>();

function dateFormat(locale: Locale, name: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const id = `${locale}|${name}|${options.timeZone ?? ''}`;
  let format = formatters.get(id);
  if (format === undefined) {
    format = new Intl.DateTimeFormat(locale, options);
    formatters.set(id, format);
  }
  return format;
}

function calendarDate(date: string): Date {
  return new Date(`${date.length === 7 ? `${date}-01` : date}T12:00:00Z`);
}

/** "Nov 20, 2025, 10:32 AM UTC": when an update was posted, in the page's time zone. */
export function formatDateTime(locale: Locale, timeZone: string, at: Date): string {
  return dateFormat(locale, 'datetime', {
    year: 'numeric',
    month: 'short',
    day: 'numeric',
    hour: 'numeric',
    minute: '2-digit',
    timeZoneName: 'short',
    timeZone,
  }).format(at);
}

function zonePart(locale: Locale, timeZone: string, style: 'longGeneric' | 'long' | 'shortOffset', at: Date): string {
  const parts = dateFormat(locale, `zone-${style}`, { timeZone, timeZoneName: style }).formatToParts(at);
  return parts.find((p) => p.type === 'timeZoneName')?.value ?? timeZone;
}

/**
 * A time zone as people read it, in their language, with its offset at `at`: "Moscow Standard
 * Time (GMT+3)", "Horário Padrão de Moscou (GMT+3)", "heure d’Europe centrale (UTC+1)"; UTC itself
 * is "Coordinated Universal Time (UTC)". Never the IANA id, unless Intl knows no name for it.
 */
export function formatZone(locale: Locale, timeZone: string, at: Date): string {
  const offset = zonePart(locale, timeZone, 'shortOffset', at);
  // Whether the zone is UTC is read from the English offset: other languages spell GMT their own way (ar "غرينتش+0").
  const isUtc = /^(GMT|UTC)([+−-]0)?$/.test(zonePart('en', timeZone, 'shortOffset', at));
  const generic = zonePart(locale, timeZone, 'longGeneric', at);
  // Zones without a name of their own (Etc/UTC, Etc/GMT+5) come back as an offset, which has digits: use the long name.
  const name = /\d/.test(generic) || /^(GMT|UTC)$/.test(generic) ? zonePart(locale, timeZone, 'long', at) : generic;
  if (/\d/.test(name)) return name;
  return `${name} (${isUtc ? 'UTC' : offset})`;
}

/** "Nov 20, 2025" for a calendar date. */
export function formatDay(locale: Locale, date: string): string {
  return dateFormat(locale, 'day', { dateStyle: 'medium', timeZone: 'UTC' }).format(calendarDate(date));
}

/** "Thursday, November 20, 2025" for a day heading's accessible form. */
export function formatLongDay(locale: Locale, date: string): string {
  return dateFormat(locale, 'longday', { dateStyle: 'full', timeZone: 'UTC' }).format(calendarDate(date));
}

/** "November 2025". */
export function formatMonth(locale: Locale, month: string): string {
  return dateFormat(locale, 'month', { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(calendarDate(month));
}

/** "Nov 2025". */
export function formatShortMonth(locale: Locale, month: string): string {
  return dateFormat(locale, 'shortmonth', { month: 'short', year: 'numeric', timeZone: 'UTC' }).format(calendarDate(month));
}

/** "Nov": a month's short name without its year, for a month picker grouped by year. */
export function formatMonthName(locale: Locale, month: string): string {
  return dateFormat(locale, 'monthname', { month: 'short', timeZone: 'UTC' }).format(calendarDate(month));
}

/** "2025", as the language writes a year. */
export function formatYear(locale: Locale, month: string): string {
  return dateFormat(locale, 'year', { year: 'numeric', timeZone: 'UTC' }).format(calendarDate(month));
}

/** "Sep – Nov 2025" (pt-BR "set. – nov. de 2025"): a range of months as the language writes it. */
export function formatMonthRange(locale: Locale, from: string, to: string): string {
  const format = dateFormat(locale, 'shortmonth', { month: 'short', year: 'numeric', timeZone: 'UTC' });
  return format.formatRange(calendarDate(from), calendarDate(to));
}

/** A maintenance window, "Nov 20, 2025, 10:00 – 12:00 AM", in the page's time zone. */
export function formatInstantRange(locale: Locale, timeZone: string, from: Date, to: Date): string {
  const format = dateFormat(locale, 'instantrange', { dateStyle: 'medium', timeStyle: 'short', timeZone });
  return `${format.formatRange(from, to)} ${timeZoneLabel(locale, timeZone, from)}`;
}

/** "UTC", "GMT-3", "MSK": the short name of the zone at an instant. */
export function timeZoneLabel(locale: Locale, timeZone: string, at: Date): string {
  const parts = dateFormat(locale, 'zone', { timeZoneName: 'short', timeZone }).formatToParts(at);
  return parts.find((p) => p.type === 'timeZoneName')?.value ?? timeZone;
}

const percentFormats = new Map<Locale, Intl.NumberFormat>();

/** "99.98%" ("99,98%" in pt-BR) from a figure already truncated to two decimals; 100 shows as "100.0%". */
export function formatPercent(locale: Locale, value: number): string {
  let format = percentFormats.get(locale);
  if (format === undefined) {
    format = new Intl.NumberFormat(locale, {
      style: 'percent',
      minimumFractionDigits: 1,
      maximumFractionDigits: 2,
      roundingMode: 'trunc',
    });
    percentFormats.set(locale, format);
  }
  return format.format(value / 100);
}

/** "1 hr 32 mins": minutes floored, and 1–59 seconds shown as 1 min, as Statuspage does. */
export function formatDuration(t: Translator, seconds: number): string {
  const minutesTotal = seconds > 0 && seconds < 60 ? 1 : Math.floor(seconds / 60);
  const hours = Math.floor(minutesTotal / 60);
  const minutes = minutesTotal % 60;
  const parts: string[] = [];
  if (hours > 0) parts.push(t('duration.hours', { count: hours }));
  if (minutes > 0 || hours === 0) parts.push(t('duration.minutes', { count: minutes }));
  return parts.join(' ');
}

const durationFormats = new Map<string, Intl.NumberFormat>();

/** "120 ms", "1.5 sec" ("120 мс", "1,5 с"): a response time, in seconds from 10 s up. */
export function formatMilliseconds(locale: Locale, ms: number): string {
  const seconds = ms >= 10_000;
  const id = `${locale}|${seconds ? 's' : 'ms'}`;
  let format = durationFormats.get(id);
  if (format === undefined) {
    format = new Intl.NumberFormat(locale, {
      style: 'unit',
      unit: seconds ? 'second' : 'millisecond',
      unitDisplay: 'short',
      maximumFractionDigits: seconds ? 1 : 0,
    });
    durationFormats.set(id, format);
  }
  return format.format(seconds ? ms / 1000 : ms);
}

/** "3:00 – 4:00 AM": an hour of the page's day. */
export function formatHourRange(locale: Locale, timeZone: string, from: Date, to: Date): string {
  return dateFormat(locale, 'hours', { hour: 'numeric', minute: '2-digit', timeZone }).formatRange(from, to);
}
