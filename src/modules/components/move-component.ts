import type { Ctx } from '../../shared/context.ts';
import { notFound } from '../../shared/errors.ts';
import { write } from '../../storage/write.ts';
import { inPageOrder, type Component } from './component.ts';
import { moveComponentSchema, type MoveDirection } from './component-schemas.ts';
import { listComponents } from './component-store.ts';
import { updateComponent } from './update-component.ts';

/**
 * Moves a component (or a group) one place up or down among its siblings. Every sibling gets its
 * new place in one transaction, so the order is never half-saved; the first cannot go up, nor the
 * last down, and then nothing changes.
 */
export async function moveComponent(ctx: Ctx, id: string, direction: MoveDirection): Promise<Component[]> {
  const step = moveComponentSchema.parse(direction) === 'up' ? -1 : 1;
  return write(ctx, async (tx) => {
    const inTx = { ...ctx, db: tx };
    const all = inPageOrder(await listComponents(tx));
    const component = all.find((c) => c.id === id);
    if (component === undefined) throw notFound('component', id);
    const siblings = all.filter((c) => c.groupId === component.groupId);
    const from = siblings.indexOf(component);
    const to = from + step;
    if (to < 0 || to >= siblings.length) return siblings;
    [siblings[from], siblings[to]] = [siblings[to]!, siblings[from]!];
    for (const [index, sibling] of siblings.entries()) {
      if (sibling.position !== index + 1) await updateComponent(inTx, sibling.id, { position: index + 1 });
    }
    return siblings.map((s, index) => ({ ...s, position: index + 1 }));
  });
}
