import type { Ctx } from '../../shared/context.ts';
import type { Locale } from '../../shared/locales.ts';
import { inPageOrder, localizeComponent, withGroupStatuses, type Component } from './component.ts';
import { listComponents } from './component-store.ts';

/**
 * Every component and group in page order, each group showing the worst status of its children;
 * with a `locale`, named as a reader of that language reads them (the operator's translations).
 */
export async function listComponentsInOrder(ctx: Pick<Ctx, 'db'>, locale?: Locale): Promise<Component[]> {
  const ordered = inPageOrder(withGroupStatuses(await listComponents(ctx.db)));
  return locale === undefined ? ordered : ordered.map((c) => localizeComponent(c, locale));
}
