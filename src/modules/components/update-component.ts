import type { Ctx } from '../../shared/context.ts';
import { AppError, notFound } from '../../shared/errors.ts';
import type { ComponentId } from '../../shared/ids.ts';
import { write } from '../../storage/write.ts';
import { recordAudit } from '../audit/index.ts';
import { mergeComponentTranslations } from './component-translations.ts';
import type { Component, StatusCause } from './component.ts';
import { updateComponentSchema, type UpdateComponentInput } from './component-schemas.ts';
import { deleteComponentRow, findComponent, listComponents, nextPosition, recordStatusChange, saveComponent } from './component-store.ts';
import { notifyComponentChange } from '../../outbox/index.ts';

/** Edits a component; a status change is recorded in the history with the given cause. */
export async function updateComponent(
  ctx: Ctx,
  id: string,
  input: UpdateComponentInput,
  cause: { cause: StatusCause; causeId: string | null } = { cause: 'manual', causeId: null },
): Promise<Component> {
  const data = updateComponentSchema.parse(input);
  return write(ctx, async (tx) => {
    const current = await findComponent(tx, id);
    if (current === undefined) throw notFound('component', id);
    const now = ctx.clock.now();
    const next: Component = { ...current, updatedAt: now };
    if (data.name !== undefined) next.name = data.name;
    if (data.description !== undefined) next.description = data.description;
    if (data.showcase !== undefined) next.showcase = data.showcase;
    if (data.onlyShowIfDegraded !== undefined) next.onlyShowIfDegraded = data.onlyShowIfDegraded;
    if (data.startDate !== undefined) next.startDate = data.startDate;
    if (data.thirdParty !== undefined) next.thirdParty = data.thirdParty;
    if (data.position !== undefined) next.position = data.position;
    next.translations = await mergeComponentTranslations(tx, current.translations, data.translations);

    const previousGroupId = current.groupId;
    if (data.groupId !== undefined && data.groupId !== current.groupId) {
      if (current.isGroup && data.groupId !== null)
        throw new AppError('component_group_invalid', 'A group cannot be put inside another group.');
      if (data.groupId !== null) {
        const group = await findComponent(tx, data.groupId);
        if (group === undefined) throw notFound('component', data.groupId);
        if (!group.isGroup) throw new AppError('component_group_invalid', `"${group.name}" is a component, not a group.`);
      }
      next.groupId = data.groupId as ComponentId | null;
      if (data.position === undefined) next.position = await nextPosition(tx, next.groupId);
    }
    if (data.status !== undefined && current.isGroup) {
      throw new AppError(
        'component_group_invalid',
        'A group shows the worst status of its components; set the status of a component instead.',
      );
    }
    await saveComponent(tx, next);
    if (data.status !== undefined && data.status !== current.status) {
      await recordStatusChange(tx, { componentId: current.id, status: data.status, changedAt: now, ...cause }, now);
      await notifyComponentChange(
        tx,
        { componentId: current.id, oldStatus: current.status, newStatus: data.status, cause: cause.cause },
        now,
      );
      next.status = data.status;
    }
    // A group left without components disappears, as in Statuspage.
    if (previousGroupId !== null && previousGroupId !== next.groupId) {
      const remaining = (await listComponents(tx)).filter((c) => c.groupId === previousGroupId);
      if (remaining.length === 0) await deleteComponentRow(tx, previousGroupId);
    }
    const entityType = current.isGroup ? 'component_group' : 'component';
    await recordAudit(tx, ctx.actor, {
      action: `${entityType}.update`,
      entityType,
      entityId: current.id,
      before: current,
      after: next,
      at: now,
    });
    return next;
  });
}
