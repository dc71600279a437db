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
type ParsedPalette = Record<keyof UptimePalette, Rgb>;

function parseHex(hex: string): Rgb {
  const m = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex);
  if (m === null) return [0, 0, 0];
  return [parseInt(m[1] as string, 16), parseInt(m[2] as string, 16), parseInt(m[3] as string, 16)];
}

// A page draws hundreds of bars with one palette: parse it once.
const parsedPalettes = new WeakMap<UptimePalette, ParsedPalette>();

function parsePalette(palette: UptimePalette): ParsedPalette {
  let parsed = parsedPalettes.get(palette);
  if (parsed === undefined) {
    parsed = {
      operational: parseHex(palette.operational),
      minor: parseHex(palette.minor),
      partial: parseHex(palette.partial),
      major: parseHex(palette.major),
      noData: parseHex(palette.noData),
    };
    parsedPalettes.set(palette, parsed);
  }
  return parsed;
}

function lerp(a: Rgb, b: Rgb, t: number): Rgb {
  return [Math.round(a[0] + (b[0] - a[0]) * t), Math.round(a[1] + (b[1] - a[1]) * t), Math.round(a[2] + (b[2] - a[2]) * t)];
}

/**
 * The interpolated colour of a day bar, as Statuspage draws it: any downtime starts half-way from
 * green to yellow, reaches yellow at 20 min, orange at 33 min and red at 1 h of weighted downtime.
 */
export function dayRgb(day: DayOutage, palette: UptimePalette = defaultUptimePalette): Rgb {
  const p = parsePalette(palette);
  if (!day.hasData) return [...p.noData];
  const w = weightedDowntime(day);
  if (w <= 0) return [...p.operational];
  if (w <= minorLimit) return lerp(p.operational, p.minor, 0.5 + (0.5 * w) / minorLimit);
  if (w <= partialLimit) return lerp(p.minor, p.partial, (w - minorLimit) / (partialLimit - minorLimit));
  if (w < majorFrom) return lerp(p.partial, p.major, (w - partialLimit) / (majorFrom - partialLimit));
  return [...p.major];
}

const hexByte = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));

/** The same colour as '#rrggbb', ready for an SVG `fill`. */
export function dayFill(day: DayOutage, palette: UptimePalette = defaultUptimePalette): string {
  const [r, g, b] = dayRgb(day, palette);
  return `#${hexByte[r]}${hexByte[g]}${hexByte[b]}`;
}
