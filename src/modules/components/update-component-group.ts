import type { Ctx } from '../../shared/context.ts';
import { AppError, notFound } from '../../shared/errors.ts';
import { write } from '../../storage/write.ts';
import type { Component } from './component.ts';
import { updateComponentGroupSchema, type UpdateComponentGroupInput } from './component-schemas.ts';
import { findComponent, listComponents } from './component-store.ts';
import { updateComponent } from './update-component.ts';

/**
 * Edits a group: its name, description and showcase, and its members, which become exactly the
 * components given, in that order (Statuspage's PATCH of a component group). One transaction.
 */
export async function updateComponentGroup(ctx: Ctx, groupId: string, input: UpdateComponentGroupInput): Promise<Component> {
  const data = updateComponentGroupSchema.parse(input);
  return write(ctx, async (tx) => {
    const inTx = { ...ctx, db: tx };
    const group = await findComponent(tx, groupId);
    if (group === undefined || !group.isGroup) throw notFound('component', groupId);
    const { componentIds, ...fields } = data;
    if (Object.keys(fields).length > 0) await updateComponent(inTx, groupId, fields);
    if (componentIds !== undefined) {
      const members = [...new Set(componentIds)];
      if (members.includes(groupId)) throw new AppError('component_group_invalid', 'A group cannot contain itself.');
      // Members join first, so the group is never empty (an empty group is deleted).
      let position = 1;
      for (const id of members) await updateComponent(inTx, id, { groupId, position: position++ });
      for (const child of (await listComponents(tx)).filter((c) => c.groupId === groupId && !members.includes(c.id)))
        await updateComponent(inTx, child.id, { groupId: null });
    }
    return (await findComponent(tx, groupId))!;
  });
}
