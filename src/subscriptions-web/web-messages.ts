import type { Locale } from '../shared/locales.ts';
import { t, type MessageKey, type MessageParams } from '../i18n/translate.ts';

/** The subscription pages' words: the `subscribe.*` messages of the one catalogue (src/i18n/locales). */
export type WebMessageKey = MessageKey extends infer K ? (K extends `subscribe.${infer Name}` ? Name : never) : never;

export function webMessage(locale: Locale, key: WebMessageKey, params: MessageParams = {}): string {
  return t(locale, `subscribe.${key}`, params);
}
