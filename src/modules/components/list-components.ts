import type { Ctx } from '../../shared/context.ts';
import { inPageOrder, withGroupStatuses, type Component } from './component.ts';
import { listComponents } from './component-store.ts';

/** Every component and group in page order, each group showing the worst status of its children. */
export async function listComponentsInOrder(ctx: Pick<Ctx, 'db'>): Promise<Component[]> {
  return inPageOrder(withGroupStatuses(await listComponents(ctx.db)));
}
