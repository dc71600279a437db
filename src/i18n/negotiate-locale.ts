import { supportedLocales, type Locale } from '../shared/locales.ts';

/** The cookie the language switcher sets. */
export const localeCookie = 'aviso_locale';

/** A supported locale from a tag in any case ("pt-br", "PT-BR"), or undefined. */
export function canonicalLocale(tag: string): Locale | undefined {
  const lower = tag.trim().toLowerCase();
  return supportedLocales.find((l) => l.toLowerCase() === lower);
}

/** Accept-Language ranges by preference (quality, then order); ranges with q=0 are left out. */
export function parseAcceptLanguage(header: string): string[] {
  return header
    .split(',')
    .map((part, index) => {
      const [range = '', ...params] = part.trim().split(';');
      const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
      const quality = q === undefined ? 1 : Number(q.slice(2));
      return { range: range.trim(), quality: Number.isFinite(quality) ? quality : 0, index };
    })
    .filter((r) => r.range !== '' && r.quality > 0)
    .sort((a, b) => b.quality - a.quality || a.index - b.index)
    .map((r) => r.range);
}

/** The enabled locale that best matches one Accept-Language range: exact first, then by language ("pt-PT" → pt-BR). */
function matchRange(range: string, enabled: readonly Locale[]): Locale | undefined {
  if (range === '*') return undefined;
  const exact = enabled.find((l) => l.toLowerCase() === range.toLowerCase());
  if (exact !== undefined) return exact;
  const language = range.split('-')[0]?.toLowerCase();
  return enabled.find((l) => l.split('-')[0]?.toLowerCase() === language);
}

export type LocaleSource = 'query' | 'cookie' | 'header' | 'default';

export interface NegotiatedLocale {
  locale: Locale;
  source: LocaleSource;
}

/**
 * The visitor's language: `?locale=`, then the switcher's cookie, then Accept-Language, then the
 * page default, considering only the page's enabled locales. The query is validated by the caller.
 */
export function negotiateLocale(input: {
  query?: Locale | undefined;
  cookie?: string | undefined;
  acceptLanguage?: string | undefined;
  enabled: readonly Locale[];
  fallback: Locale;
}): NegotiatedLocale {
  const { enabled } = input;
  if (input.query !== undefined && enabled.includes(input.query)) return { locale: input.query, source: 'query' };
  const fromCookie = input.cookie === undefined ? undefined : canonicalLocale(input.cookie);
  if (fromCookie !== undefined && enabled.includes(fromCookie)) return { locale: fromCookie, source: 'cookie' };
  if (input.acceptLanguage !== undefined) {
    for (const range of parseAcceptLanguage(input.acceptLanguage)) {
      const match = matchRange(range, enabled);
      if (match !== undefined) return { locale: match, source: 'header' };
    }
  }
  return { locale: enabled.includes(input.fallback) ? input.fallback : (enabled[0] ?? 'en'), source: 'default' };
}

/** Each language's own name, for the switcher. */
export const localeNames: Record<Locale, string> = {
  en: 'English',
  'pt-BR': 'Português (Brasil)',
  es: 'Español',
  ru: 'Русский',
  de: 'Deutsch',
  fr: 'Français',
  ar: 'العربية',
  ja: '日本語',
};
