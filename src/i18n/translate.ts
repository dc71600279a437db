/**
 * Aviso's own words in every supported language: the one catalogue for everything Aviso writes (the
 * public page, the widget, badges, feeds, emails and chat messages, the subscription pages).
 *
 * Catalogs: `locales/<locale>.json`, one flat object per language whose keys are namespaced with one
 * dot (`status.operational`, `history.emptyMonth`, `widget.details`, `notify.confirmSubject`,
 * `subscribe.subscribeTitle`…). A status is named by the same key everywhere (`label.*` for incident
 * and maintenance statuses, `status.*` for component statuses), so every surface uses one term. `en.json` is the reference: every
 * catalog has exactly its keys and, per message, the same placeholders (`locales.test.ts` fails
 * otherwise). Messages are ICU MessageFormat (`{count, plural, one {# hr} other {# hrs}}`), formatted
 * with intl-messageformat. To add a message, add it to en.json and to every other catalog, written as
 * a fluent reader of that language would write it. Text that operators write is never translated.
 */
import { IntlMessageFormat } from 'intl-messageformat';
import type { Locale } from '../shared/locales.ts';
import en from './locales/en.json' with { type: 'json' };
import ptBR from './locales/pt-BR.json' with { type: 'json' };
import es from './locales/es.json' with { type: 'json' };
import ru from './locales/ru.json' with { type: 'json' };
import de from './locales/de.json' with { type: 'json' };
import fr from './locales/fr.json' with { type: 'json' };
import ar from './locales/ar.json' with { type: 'json' };
import ja from './locales/ja.json' with { type: 'json' };

export type MessageKey = keyof typeof en;
export type MessageParams = Record<string, string | number>;
export type Catalog = Record<string, string>;

export const catalogs: Record<Locale, Catalog> = { en, 'pt-BR': ptBR, es, ru, de, fr, ar, ja };

const compiled = new Map<string, IntlMessageFormat>();

function format(locale: Locale, key: string): IntlMessageFormat {
  const id = `${locale}\u0000${key}`;
  let message = compiled.get(id);
  if (message === undefined) {
    // A key missing from a catalog falls back to English rather than showing the key (the test forbids it anyway).
    const source = catalogs[locale][key] ?? (en as Catalog)[key] ?? key;
    message = new IntlMessageFormat(source, locale);
    compiled.set(id, message);
  }
  return message;
}

/** Whether a key names a message of the catalogue (a key carried as text, such as an error's). */
export function isMessageKey(key: string): key is MessageKey {
  return Object.hasOwn(en, key);
}

/** The message `key` in `locale`, with its placeholders filled. */
export function t(locale: Locale, key: MessageKey, params?: MessageParams): string {
  const result = format(locale, key).format(params);
  return Array.isArray(result) ? result.join('') : String(result);
}

/** A translator bound to one locale, for views. */
export type Translator = (key: MessageKey, params?: MessageParams) => string;

export function translator(locale: Locale): Translator {
  return (key, params) => t(locale, key, params);
}
