import type { Ctx } from '../../shared/context.ts';
import { AppError } from '../../shared/errors.ts';
import type { Page } from './page.ts';
import { findPage } from './page-store.ts';

/** The page; every instance has exactly one once started. */
export async function getPage(ctx: Pick<Ctx, 'db'>): Promise<Page> {
  const page = await findPage(ctx.db);
  if (page === undefined) throw new AppError('page_not_found', 'No page has been set up yet.');
  return page;
}
