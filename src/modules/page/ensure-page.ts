import type { Ctx } from '../../shared/context.ts';
import { newId, type PageId } from '../../shared/ids.ts';
import { write } from '../../storage/write.ts';
import { recordAudit } from '../audit/index.ts';
import type { Page } from './page.ts';
import { findPage, insertPage } from './page-store.ts';

export interface NewPage {
  name: string;
  url: string;
  timeZone: string;
  defaultLocale: Page['defaultLocale'];
  locales: Page['locales'];
}

/** Creates the page with the given defaults when the database has none; returns the page. */
export async function ensurePage(ctx: Ctx, defaults: NewPage): Promise<Page> {
  return write(ctx, async (tx) => {
    const existing = await findPage(tx);
    if (existing !== undefined) return existing;
    const now = ctx.clock.now();
    const page: Omit<Page, 'revision'> = { id: newId<PageId>(), ...defaults, settings: {}, createdAt: now, updatedAt: now };
    await insertPage(tx, page);
    await recordAudit(tx, ctx.actor, { action: 'page.create', entityType: 'page', entityId: page.id, before: null, after: page, at: now });
    return { ...page, revision: 0 };
  });
}
