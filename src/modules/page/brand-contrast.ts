import type { PageSettings } from './page.ts';

/** WCAG 2 AA: normal-size text needs 4.5:1 against what it is drawn on. */
export const minimumContrast = 4.5;

/**
 * The brand colours the page draws text with or on, and what that text meets: the header (and
 * the page's buttons) put white text on their background; links are drawn on the white page.
 */
export const brandColourUses = {
  headerBackground: { other: '#ffffff', meets: 'with white text' },
  link: { other: '#ffffff', meets: 'against the white page background' },
} as const;
export type BrandColour = keyof typeof brandColourUses;

/** WCAG 2's relative luminance of a `#rrggbb` colour. */
function luminance(hex: string): number {
  const channels = [1, 3, 5].map((i) => Number.parseInt(hex.slice(i, i + 2), 16) / 255);
  const [r, g, b] = channels.map((c) => (c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4)) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** WCAG 2's contrast ratio of two `#rrggbb` colours, from 1 to 21. */
export function contrastRatio(a: string, b: string): number {
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (light + 0.05) / (dark + 0.05);
}

/**
 * Why a brand colour fails AA, or undefined when it passes. The ratio is rounded down, so a
 * refused colour never reads as "4.5:1".
 */
export function brandContrastProblem(key: BrandColour, colour: string): string | undefined {
  const use = brandColourUses[key];
  const ratio = contrastRatio(colour, use.other);
  if (ratio >= minimumContrast) return undefined;
  return `contrast ${(Math.floor(ratio * 10) / 10).toFixed(1)}:1 ${use.meets}; needs ${minimumContrast}:1`;
}

/** The brand colours of `next` that changed from `current` and fail AA, with the reason. */
export function brandContrastProblems(
  next: PageSettings['colours'],
  current: PageSettings['colours'],
): { path: string; message: string }[] {
  const problems: { path: string; message: string }[] = [];
  for (const key of Object.keys(brandColourUses) as BrandColour[]) {
    const colour = next?.[key];
    if (colour === undefined || colour.toLowerCase() === current?.[key]?.toLowerCase()) continue;
    const problem = brandContrastProblem(key, colour);
    if (problem !== undefined) problems.push({ path: `settings.colours.${key}`, message: problem });
  }
  return problems;
}
