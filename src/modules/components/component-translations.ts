import type { Db } from '../../storage/database.ts';
import { invalid } from '../../shared/errors.ts';
import type { Locale } from '../../shared/locales.ts';
import { getPage } from '../page/index.ts';
import type { ComponentTranslation, ComponentTranslations } from './component.ts';
import type { componentTranslationsSchema } from './component-schemas.ts';
import type { z } from 'zod';

/**
 * Merges translations given in a write into the stored ones, text by text: a text given replaces
 * the stored one, an empty text removes it, a text left out stays, and a language left with
 * nothing is removed. Each language must be one of the page's, and not its default one, which is
 * the component's own name and description.
 */
export async function mergeComponentTranslations(
  tx: Db,
  stored: ComponentTranslations,
  given: z.output<typeof componentTranslationsSchema> | undefined,
): Promise<ComponentTranslations> {
  if (given === undefined) return stored;
  const page = await getPage({ db: tx });
  const merged: ComponentTranslations = { ...stored };
  for (const [locale, texts] of Object.entries(given) as [Locale, ComponentTranslation | undefined][]) {
    if (!page.locales.includes(locale) || locale === page.defaultLocale) {
      const others = page.locales.filter((l) => l !== page.defaultLocale);
      const message =
        locale === page.defaultLocale
          ? `${locale} is the page's default language: change the name and description themselves`
          : `must be one of the page's other languages${others.length === 0 ? ' (it has none)' : `: ${others.join(', ')}`}`;
      throw invalid(`translations.${locale}: ${message}`, [{ path: `translations.${locale}`, message }]);
    }
    const pick = (text: string | undefined, old: string | undefined) => (text === undefined ? old : text === '' ? undefined : text);
    const name = pick(texts?.name, stored[locale]?.name);
    const description = pick(texts?.description, stored[locale]?.description);
    const translation: ComponentTranslation = {
      ...(name !== undefined && { name }),
      ...(description !== undefined && { description }),
    };
    if (Object.keys(translation).length === 0) delete merged[locale];
    else merged[locale] = translation;
  }
  return merged;
}
