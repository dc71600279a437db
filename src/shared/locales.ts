/** The languages Aviso's own text is written in; operators' text is shown as written. */
export const supportedLocales = ['en', 'pt-BR', 'es', 'ru', 'de', 'fr'] as const;
export type Locale = (typeof supportedLocales)[number];

export function isLocale(value: string): value is Locale {
  return (supportedLocales as readonly string[]).includes(value);
}
