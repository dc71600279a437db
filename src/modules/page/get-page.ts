import type { Ctx } from '../../shared/context.ts';
import { AppError } from '../../shared/errors.ts';
import type { Page } from './page.ts';
import { findPage } from './page-store.ts';

/**
 * The page; every instance has exactly one once started. Its `url` is the instance's public URL
 * (AVISO_PUBLIC_URL) when the context carries one, so feeds, API links, emails and the widget
 * agree; the stored setting is only what a page file or Statuspage's API last wrote.
 */
export async function getPage(ctx: Pick<Ctx, 'db' | 'publicUrl'>): Promise<Page> {
  const page = await findPage(ctx.db);
  if (page === undefined) throw new AppError('page_not_found', 'No page has been set up yet.');
  return ctx.publicUrl === undefined ? page : { ...page, url: ctx.publicUrl };
}
