import { createContext, type ComponentChildren } from 'preact';
import { useContext } from 'preact/hooks';
import { translator, type Translator } from '../../i18n/translate.ts';
import type { Locale } from '../../shared/locales.ts';

interface AdminLanguage {
  locale: Locale;
  t: Translator;
}

const english: AdminLanguage = { locale: 'en', t: translator('en') };
const LanguageContext = createContext<AdminLanguage>(english);

/**
 * The admin's words in the member's language: every view takes its translator from here
 * (`const t = useT()`), so no view needs the locale passed down. `Layout` provides it.
 */
export function useT(): Translator {
  return useContext(LanguageContext).t;
}

/** The member's locale, for what formats by language (dates, numbers) and for `lang`/`dir`. */
export function useLocale(): Locale {
  return useContext(LanguageContext).locale;
}

export function AdminLanguageProvider({ locale, children }: { locale: Locale; children: ComponentChildren }) {
  const value = locale === 'en' ? english : { locale, t: translator(locale) };
  return <LanguageContext.Provider value={value}>{children}</LanguageContext.Provider>;
}
