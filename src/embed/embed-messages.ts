import { t, type MessageKey } from '../i18n/translate.ts';
import { supportedLocales, type Locale } from '../shared/locales.ts';

/**
 * The widget's own words, from the one catalogue (src/i18n/locales): its `widget.*` messages and the
 * page's own status labels (`label.*`), so the widget names a status exactly as the page does.
 */
export const widgetStatuses = ['investigating', 'identified', 'monitoring', 'in_progress', 'verifying'] as const;

/** Inside the script the widget's own words go by one letter; status names keep theirs. */
const widgetKeys = { i: 'widget.incident', m: 'widget.maintenance', d: 'widget.details', x: 'widget.dismiss', r: 'widget.region' } as const;

export function embedMessages(locale: Locale): Record<string, string> {
  const messages: Record<string, string> = {};
  for (const [short, key] of Object.entries(widgetKeys)) messages[short] = t(locale, key);
  for (const status of widgetStatuses) messages[status] = t(locale, `label.${status}` as MessageKey);
  return messages;
}

export function allEmbedMessages(): Record<Locale, Record<string, string>> {
  return Object.fromEntries(supportedLocales.map((locale) => [locale, embedMessages(locale)])) as Record<Locale, Record<string, string>>;
}
