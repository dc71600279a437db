import { z } from 'zod';
import type { Ctx } from '../../shared/context.ts';
import { invalid } from '../../shared/errors.ts';
import { write } from '../../storage/write.ts';
import { recordAudit } from '../audit/index.ts';
import { localeSchema, pageSettingsSchema, timeZoneSchema, webUrlSchema, type Page } from './page.ts';
import { findPage, updatePageRow } from './page-store.ts';
import { brandContrastProblems } from './brand-contrast.ts';
import { getPage } from './get-page.ts';

export const pageChangesSchema = z
  .object({
    name: z.string().trim().min(1).max(255),
    url: webUrlSchema,
    timeZone: timeZoneSchema,
    defaultLocale: localeSchema,
    locales: z.array(localeSchema).min(1),
    settings: pageSettingsSchema,
  })
  .partial()
  .strict();
export type PageChanges = z.input<typeof pageChangesSchema>;

/** Changes the page's name, URL, time zone, languages or presentation; brand colours must keep text readable (WCAG AA). */
export async function updatePageSettings(ctx: Ctx, input: PageChanges): Promise<Page> {
  const changes = pageChangesSchema.parse(input);
  return write(ctx, async (tx) => {
    const page = await getPage({ db: tx });
    const defaultLocale = changes.defaultLocale ?? page.defaultLocale;
    const locales = changes.locales ?? page.locales;
    if (!locales.includes(defaultLocale)) {
      throw invalid('The default language must be one of the enabled languages.', [
        { path: 'defaultLocale', message: `${defaultLocale} is not enabled` },
      ]);
    }
    // A colour kept from before (an import, an older rule) does not block other changes.
    const unreadable = brandContrastProblems(changes.settings?.colours, page.settings.colours);
    if (unreadable.length > 0) {
      throw invalid(`A brand colour would be hard to read: ${unreadable.map((p) => p.message).join('; ')}.`, unreadable);
    }
    const now = ctx.clock.now();
    await updatePageRow(tx, page.id, { ...changes, locales: [...new Set(locales)] }, now);
    const after = (await findPage(tx))!;
    const { revision: _b, ...beforeSettings } = page;
    const { revision: _a, ...afterSettings } = after;
    await recordAudit(tx, ctx.actor, {
      action: 'page.update',
      entityType: 'page',
      entityId: page.id,
      before: beforeSettings,
      after: afterSettings,
      at: now,
    });
    return after;
  });
}
