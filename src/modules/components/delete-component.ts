import type { Ctx } from '../../shared/context.ts';
import { notFound } from '../../shared/errors.ts';
import { write } from '../../storage/write.ts';
import { recordAudit } from '../audit/index.ts';
import { deleteComponentRow, findComponent, listComponents, nextPosition, saveComponent } from './component-store.ts';

/**
 * Deletes a component or a group. Deleting a group moves its components to the top level;
 * deleting the last component of a group deletes the group too.
 */
export async function deleteComponent(ctx: Ctx, id: string): Promise<void> {
  await write(ctx, async (tx) => {
    const component = await findComponent(tx, id);
    if (component === undefined) throw notFound('component', id);
    const now = ctx.clock.now();
    const all = await listComponents(tx);
    if (component.isGroup) {
      let position = await nextPosition(tx, null);
      for (const child of all.filter((c) => c.groupId === component.id)) {
        await saveComponent(tx, { ...child, groupId: null, position: position++, updatedAt: now });
      }
    }
    await deleteComponentRow(tx, component.id);
    if (component.groupId !== null && !all.some((c) => c.groupId === component.groupId && c.id !== component.id)) {
      await deleteComponentRow(tx, component.groupId);
    }
    const entityType = component.isGroup ? 'component_group' : 'component';
    await recordAudit(tx, ctx.actor, {
      action: `${entityType}.delete`,
      entityType,
      entityId: component.id,
      before: component,
      after: null,
      at: now,
    });
  });
}
