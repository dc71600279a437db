/** The languages Aviso's own text is written in; operators' text is shown as written. */
export const supportedLocales = ['en', 'pt-BR', 'es', 'ru', 'de', 'fr', 'ar', 'ja'] as const;
export type Locale = (typeof supportedLocales)[number];

export function isLocale(value: string): value is Locale {
  return (supportedLocales as readonly string[]).includes(value);
}

/** The languages written right to left. */
const rightToLeft: readonly Locale[] = ['ar'];

/** The `dir` of a document or element written in `locale`: `rtl` for Arabic, `ltr` otherwise. */
export function textDirection(locale: Locale): 'rtl' | 'ltr' {
  return rightToLeft.includes(locale) ? 'rtl' : 'ltr';
}
