import type { Ctx } from '../../shared/context.ts';
import { AppError, notFound } from '../../shared/errors.ts';
import { newId, type ComponentId } from '../../shared/ids.ts';
import { write } from '../../storage/write.ts';
import { recordAudit } from '../audit/index.ts';
import { mergeComponentTranslations } from './component-translations.ts';
import type { Component } from './component.ts';
import { createComponentSchema, type CreateComponentInput } from './component-schemas.ts';
import { findComponent, insertComponent, nextPosition, recordStatusChange } from './component-store.ts';

/** Adds a component at the end of the page or of a group, with its first status in the history. */
export async function createComponent(ctx: Ctx, input: CreateComponentInput): Promise<Component> {
  const data = createComponentSchema.parse(input);
  return write(ctx, async (tx) => {
    const groupId = (data.groupId ?? null) as ComponentId | null;
    if (groupId !== null) {
      const group = await findComponent(tx, groupId);
      if (group === undefined) throw notFound('component', groupId);
      if (!group.isGroup)
        throw new AppError('component_group_invalid', `"${group.name}" is a component, not a group; components cannot be nested.`);
    }
    const now = ctx.clock.now();
    const component: Component = {
      id: newId<ComponentId>(),
      name: data.name,
      description: data.description ?? null,
      position: data.position ?? (await nextPosition(tx, groupId)),
      isGroup: false,
      groupId,
      status: data.status,
      showcase: data.showcase,
      onlyShowIfDegraded: data.onlyShowIfDegraded,
      startDate: data.startDate ?? null,
      thirdParty: data.thirdParty ?? null,
      statusUnknownSince: null,
      mirrorHeldUntil: null,
      translations: await mergeComponentTranslations(tx, {}, data.translations),
      createdAt: now,
      updatedAt: now,
    };
    await insertComponent(tx, component);
    await recordStatusChange(tx, { componentId: component.id, status: data.status, changedAt: now, cause: 'manual', causeId: null }, now);
    await recordAudit(tx, ctx.actor, {
      action: 'component.create',
      entityType: 'component',
      entityId: component.id,
      before: null,
      after: component,
      at: now,
    });
    return component;
  });
}
