import type { DayOutage } from './uptime.ts';

export type DayColourLevel = 'no-data' | 'operational' | 'minor' | 'partial' | 'major';

/** Bar colours as '#rrggbb'; the page maps its degraded (yellow) colour to `minor`. */
export interface UptimePalette {
  operational: string;
  minor: string;
  partial: string;
  major: string;
  noData: string;
}

/** Statuspage's default page colours. */
export const defaultUptimePalette: UptimePalette = {
  operational: '#2fcc66',
  minor: '#f1c40f',
  partial: '#e67e22',
  major: '#e74c3c',
  noData: '#b3bac5',
};

// Fitted on real Statuspage bars (reference §4.2): yellow at 20 min, orange at 33 min, solid red from 1 h.
const minorLimit = 1200;
const partialLimit = 1980;
const majorFrom = 3600;

/** Weighted downtime of a day in seconds: major + 0.3 × partial. */
export function weightedDowntime(day: Pick<DayOutage, 'majorSeconds' | 'partialSeconds'>): number {
  return day.majorSeconds + 0.3 * day.partialSeconds;
}

/** Statuspage's day-bar colour level from weighted downtime (major + 0.3 × partial seconds). */
export function dayColour(day: DayOutage): DayColourLevel {
  if (!day.hasData) return 'no-data';
  // Tenths of a second keep 0.3 × partial exact at the limits.
  const tenths = 10 * day.majorSeconds + 3 * day.partialSeconds;
  if (tenths <= 0) return 'operational';
  if (tenths <= 10 * minorLimit) return 'minor';
  if (tenths <= 10 * partialLimit) return 'partial';
  return 'major';
}

type Rgb = [number, number, number];

function parseHex(hex: string): Rgb {
  const m = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex);
  if (m === null) return [0, 0, 0];
  return [parseInt(m[1] as string, 16), parseInt(m[2] as string, 16), parseInt(m[3] as string, 16)];
}

function lerp(from: string, to: string, t: number): Rgb {
  const a = parseHex(from);
  const b = parseHex(to);
  return [0, 1, 2].map((i) => Math.round((a[i] as number) + ((b[i] as number) - (a[i] as number)) * t)) as Rgb;
}

/**
 * The interpolated colour of a day bar, as Statuspage draws it: any downtime starts half-way from
 * green to yellow, reaches yellow at 20 min, orange at 33 min and red at 1 h of weighted downtime.
 */
export function dayRgb(day: DayOutage, palette: UptimePalette = defaultUptimePalette): Rgb {
  if (!day.hasData) return parseHex(palette.noData);
  const w = weightedDowntime(day);
  if (w <= 0) return parseHex(palette.operational);
  if (w <= minorLimit) return lerp(palette.operational, palette.minor, 0.5 + (0.5 * w) / minorLimit);
  if (w <= partialLimit) return lerp(palette.minor, palette.partial, (w - minorLimit) / (partialLimit - minorLimit));
  if (w < majorFrom) return lerp(palette.partial, palette.major, (w - partialLimit) / (majorFrom - partialLimit));
  return parseHex(palette.major);
}

/** The same colour as '#rrggbb', ready for an SVG `fill`. */
export function dayFill(day: DayOutage, palette: UptimePalette = defaultUptimePalette): string {
  return `#${dayRgb(day, palette)
    .map((c) => c.toString(16).padStart(2, '0'))
    .join('')}`;
}
