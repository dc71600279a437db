import type { Locale } from '../shared/locales.ts';
import { t, type MessageKey } from './translate.ts';

/** An update as every surface reads it: the operator's text, or Aviso's words kept as a key. */
export interface UpdateText {
  body: string;
  generatedBody: { key: string; params?: Record<string, number> } | null;
}

/**
 * What an update says, in `locale`: the operator's text exactly as written, or Aviso's own sentence
 * (Statuspage's standard one for the status, the maintenance reminder) worded in that language.
 */
export function updateBodyText(update: UpdateText, locale: Locale): string {
  if (update.generatedBody === null) return update.body;
  return t(locale, `updateBody.${update.generatedBody.key}` as MessageKey, update.generatedBody.params);
}
