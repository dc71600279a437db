import type { Ctx } from '../../shared/context.ts';
import { AppError, notFound } from '../../shared/errors.ts';
import { newId, type ComponentId } from '../../shared/ids.ts';
import { write } from '../../storage/write.ts';
import { recordAudit } from '../audit/index.ts';
import { mergeComponentTranslations } from './component-translations.ts';
import { worstStatus, type Component } from './component.ts';
import { createComponentGroupSchema, type CreateComponentGroupInput } from './component-schemas.ts';
import { findComponent, insertComponent, nextPosition, saveComponent } from './component-store.ts';

/**
 * Creates a group from existing components, which move into it in the order given.
 * As in Statuspage, a group is never empty and holds components only (two levels).
 */
export async function createComponentGroup(ctx: Ctx, input: CreateComponentGroupInput): Promise<Component> {
  const data = createComponentGroupSchema.parse(input);
  return write(ctx, async (tx) => {
    const children: Component[] = [];
    for (const id of new Set(data.componentIds)) {
      const child = await findComponent(tx, id);
      if (child === undefined) throw notFound('component', id);
      if (child.isGroup) throw new AppError('component_group_invalid', `"${child.name}" is a group; groups cannot be nested.`);
      children.push(child);
    }
    const now = ctx.clock.now();
    const group: Component = {
      id: newId<ComponentId>(),
      name: data.name,
      description: data.description ?? null,
      position: data.position ?? (await nextPosition(tx, null)),
      isGroup: true,
      groupId: null,
      status: worstStatus(children.map((c) => c.status)),
      showcase: data.showcase,
      onlyShowIfDegraded: false,
      startDate: null,
      thirdParty: null,
      statusUnknownSince: null,
      mirrorHeldUntil: null,
      translations: await mergeComponentTranslations(tx, {}, data.translations),
      createdAt: now,
      updatedAt: now,
    };
    await insertComponent(tx, group);
    let position = 1;
    for (const child of children) {
      await saveComponent(tx, { ...child, groupId: group.id, position: position++, updatedAt: now });
    }
    const after = { ...group, componentIds: children.map((c) => c.id) };
    await recordAudit(tx, ctx.actor, {
      action: 'component_group.create',
      entityType: 'component_group',
      entityId: group.id,
      before: null,
      after,
      at: now,
    });
    return group;
  });
}
