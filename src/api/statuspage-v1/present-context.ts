import { listComponentsInOrder } from '../../modules/components/index.ts';
import { getPage } from '../../modules/page/index.ts';
import type { Ctx } from '../../shared/context.ts';
import type { PresentContext } from './presenters.ts';

/** What presenting needs besides the object itself: the page id, its URL and every component. */
export async function loadPresentContext(ctx: Pick<Ctx, 'db'>): Promise<PresentContext> {
  const page = await getPage(ctx);
  const components = await listComponentsInOrder(ctx);
  return {
    pageId: page.id,
    locale: page.defaultLocale,
    publicUrl: page.url.replace(/\/+$/, ''),
    components: new Map(components.map((c) => [c.id, c])),
  };
}
