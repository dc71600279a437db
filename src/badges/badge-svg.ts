import { escapeHtml } from '../feeds/feed-entries.ts';

export type BadgeTone = 'operational' | 'maintenance' | 'degraded' | 'partial' | 'major';
export type BadgeStyle = 'flat' | 'flat-square';

/** Fills dark enough that their text reads at 4.5:1 or better (yellow carries dark text). */
const tones: Record<BadgeTone, { fill: string; text: string }> = {
  operational: { fill: '#1a7f37', text: '#fff' },
  maintenance: { fill: '#0969da', text: '#fff' },
  degraded: { fill: '#f1c40f', text: '#1f2328' },
  partial: { fill: '#bc4c00', text: '#fff' },
  major: { fill: '#cf222e', text: '#fff' },
};
const labelFill = '#555';

/** Approximate advance widths of Verdana at 11px, enough to size a badge without a font engine. */
function charWidth(char: string): number {
  if ("iljI.,:;|!'`".includes(char)) return 3.5;
  if ('ftr ()[]-/'.includes(char)) return 4.6;
  if ('mwMW%'.includes(char)) return 10.8;
  if (/[0-9]/.test(char)) return 7;
  if (/[A-Z]/.test(char)) return 7.6;
  if (/[a-z]/.test(char)) return 6.6;
  // Other scripts (Cyrillic, accents, CJK) are mostly wide.
  return char.codePointAt(0)! > 0x2e80 ? 11 : 7.4;
}

export function textWidth(text: string): number {
  let width = 0;
  for (const char of text) width += charWidth(char);
  return Math.ceil(width);
}

export interface Badge {
  label: string;
  message: string;
  tone: BadgeTone;
  style?: BadgeStyle;
  /** What a screen reader says; defaults to "label: message". */
  spoken?: string;
}

/** A shields-style flat SVG badge, readable by screen readers (role="img", title, aria-label). */
export function renderBadge(badge: Badge): string {
  const x = escapeHtml;
  const padding = 10;
  const labelWidth = textWidth(badge.label) + padding;
  const messageWidth = textWidth(badge.message) + padding;
  const width = labelWidth + messageWidth;
  const tone = tones[badge.tone];
  const spoken = badge.spoken ?? `${badge.label}: ${badge.message}`;
  const radius = badge.style === 'flat-square' ? 0 : 3;
  const gloss =
    badge.style === 'flat-square'
      ? ''
      : `<linearGradient id="s" x2="0" y2="100%"><stop offset="0" stop-color="#bbb" stop-opacity=".1"/><stop offset="1" stop-opacity=".1"/></linearGradient>`;
  const glossRect = badge.style === 'flat-square' ? '' : `<rect width="${width}" height="20" fill="url(#s)"/>`;
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="20" role="img" aria-label="${x(spoken)}">` +
    `<title>${x(spoken)}</title>${gloss}` +
    `<clipPath id="r"><rect width="${width}" height="20" rx="${radius}" fill="#fff"/></clipPath>` +
    `<g clip-path="url(#r)"><rect width="${labelWidth}" height="20" fill="${labelFill}"/>` +
    `<rect x="${labelWidth}" width="${messageWidth}" height="20" fill="${tone.fill}"/>${glossRect}</g>` +
    `<g text-anchor="middle" font-family="Verdana,Geneva,DejaVu Sans,sans-serif" font-size="11" aria-hidden="true">` +
    `<text x="${labelWidth / 2}" y="14" fill="#fff" textLength="${labelWidth - padding}" lengthAdjust="spacingAndGlyphs">${x(badge.label)}</text>` +
    `<text x="${labelWidth + messageWidth / 2}" y="14" fill="${tone.text}" textLength="${messageWidth - padding}" lengthAdjust="spacingAndGlyphs">${x(badge.message)}</text>` +
    `</g></svg>`
  );
}
