import type { Db } from '../../storage/database.ts';
import { AppError, notFound } from '../../shared/errors.ts';
import { findComponent, listComponents, recordStatusChange, type ComponentStatus, type StatusCause } from '../components/index.ts';
import type { AffectedComponent } from './incident.ts';
import { notifyComponentChange } from '../../outbox/index.ts';

/**
 * Applies an update's component changes and returns them as the update records them: with the old
 * and new status and the name frozen as shown then ("Group - Component" for grouped components).
 */
export async function changeComponentStatuses(
  tx: Db,
  changes: Record<string, ComponentStatus>,
  at: Date,
  cause: { cause: StatusCause; causeId: string },
  recordedAt: Date,
): Promise<AffectedComponent[]> {
  const ids = Object.keys(changes);
  if (ids.length === 0) return [];
  const all = await listComponents(tx);
  const affected: AffectedComponent[] = [];
  for (const id of ids) {
    const component = all.find((c) => c.id === id) ?? (await findComponent(tx, id));
    if (component === undefined) throw notFound('component', id);
    if (component.isGroup) throw new AppError('component_group_invalid', `"${component.name}" is a group; choose its components instead.`);
    const group = component.groupId === null ? undefined : all.find((c) => c.id === component.groupId);
    const newStatus = changes[id]!;
    affected.push({
      componentId: component.id,
      name: group === undefined ? component.name : `${group.name} - ${component.name}`,
      oldStatus: component.status,
      newStatus,
    });
    if (newStatus !== component.status) {
      await recordStatusChange(tx, { componentId: component.id, status: newStatus, changedAt: at, ...cause }, recordedAt);
      await notifyComponentChange(
        tx,
        { componentId: component.id, oldStatus: component.status, newStatus, cause: cause.cause },
        recordedAt,
      );
    }
  }
  return affected;
}
