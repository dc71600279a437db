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
  // Accents ride on their letter's width ("é" as "e"); marks and invisible controls take none.
  const base = char.normalize('NFD').charAt(0);
  if (/[\p{M}\p{Cf}]/u.test(base)) return 0;
  if ("iljI.,:;|!'`·".includes(base)) return 3.5;
  if ('ftr ()[]-/'.includes(base)) return 4.6;
  if ('mwMW%'.includes(base)) return 10.8;
  if (/[0-9]/.test(base)) return 7;
  if (/[A-Z]/.test(base)) return 7.6;
  if (/[a-z]/.test(base)) return 6.6;
  // Measured in Chromium with DejaVu Sans and Noto Sans Arabic: Cyrillic and Greek run as Latin
  // does, joined Arabic letters are narrower; CJK, kana and full-width forms fill the em.
  if (/[\p{Script=Cyrillic}\p{Script=Greek}]/u.test(base)) return /\p{Lu}/u.test(base) ? 7.6 : 6.8;
  if (/\p{Script=Arabic}/u.test(base)) return 5.4;
  return base.codePointAt(0)! >= 0x2e80 ? 11 : 7.4;
}

export function textWidth(text: string): number {
  let width = 0;
  for (const char of text) width += charWidth(char);
  return Math.ceil(width);
}

/** The direction of a text by its first strong letter, as `dir="auto"` decides: operators' names may be in any script. */
export function textDirectionOf(text: string): 'ltr' | 'rtl' {
  const first = /\p{L}/u.exec(text)?.[0];
  return first !== undefined && /[\p{Script=Arabic}\p{Script=Hebrew}\p{Script=Syriac}\p{Script=Thaana}\p{Script=Nko}]/u.test(first)
    ? 'rtl'
    : 'ltr';
}

export interface Badge {
  label: string;
  message: string;
  tone: BadgeTone;
  style?: BadgeStyle;
  /** What a screen reader says; defaults to "label: message". */
  spoken?: string;
  /** The language of Aviso's words on the badge (the message and the spoken label). */
  lang?: string;
  /** `rtl` for a right-to-left language: the message reads right to left and the label half sits on the right. */
  direction?: 'ltr' | 'rtl';
}

/** Attributes that make one text run right to left when its direction differs from the SVG's left-to-right default. */
function bidi(direction: 'ltr' | 'rtl'): string {
  return direction === 'rtl' ? ' direction="rtl" unicode-bidi="embed"' : '';
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
  // Read from the right in a right-to-left language, the label comes first there too.
  const mirrored = badge.direction === 'rtl';
  const labelX = mirrored ? messageWidth : 0;
  const messageX = mirrored ? 0 : labelWidth;
  const lang = badge.lang === undefined ? '' : ` lang="${x(badge.lang)}"`;
  const gloss =
    badge.style === 'flat-square'
      ? ''
      : `<linearGradient id="s" x2="0" y2="100%"><stop offset="0" stop-color="#bbb" stop-opacity=".1"/><stop offset="1" stop-opacity=".1"/></linearGradient>`;
  const glossRect = badge.style === 'flat-square' ? '' : `<rect width="${width}" height="20" fill="url(#s)"/>`;
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="20" role="img" aria-label="${x(spoken)}"${lang}>` +
    `<title>${x(spoken)}</title>${gloss}` +
    `<clipPath id="r"><rect width="${width}" height="20" rx="${radius}" fill="#fff"/></clipPath>` +
    `<g clip-path="url(#r)"><rect x="${labelX}" width="${labelWidth}" height="20" fill="${labelFill}"/>` +
    `<rect x="${messageX}" width="${messageWidth}" height="20" fill="${tone.fill}"/>${glossRect}</g>` +
    `<g text-anchor="middle" font-family="Verdana,Geneva,DejaVu Sans,sans-serif" font-size="11" aria-hidden="true">` +
    `<text x="${labelX + labelWidth / 2}" y="14" fill="#fff" textLength="${labelWidth - padding}" lengthAdjust="spacingAndGlyphs"${bidi(textDirectionOf(badge.label))}>${x(badge.label)}</text>` +
    `<text x="${messageX + messageWidth / 2}" y="14" fill="${tone.text}" textLength="${messageWidth - padding}" lengthAdjust="spacingAndGlyphs"${bidi(badge.direction ?? 'ltr')}>${x(badge.message)}</text>` +
    `</g></svg>`
  );
}
