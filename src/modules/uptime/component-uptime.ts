import type { Ctx } from '../../shared/context.ts';
import type { ComponentId } from '../../shared/ids.ts';
import { listComponents, listStatusChanges } from '../components/index.ts';
import type { UptimeSubject } from './uptime.ts';

/** Every component's (and group's) uptime subject, from two queries whatever the number of components. */
export async function loadUptimeSubjects(ctx: Pick<Ctx, 'db'>): Promise<Map<ComponentId, UptimeSubject>> {
  const [components, changes] = await Promise.all([listComponents(ctx.db), listStatusChanges(ctx.db)]);
  const subjects = new Map<ComponentId, UptimeSubject>();
  for (const component of components) subjects.set(component.id, { changes: [], startDate: component.startDate });
  // listStatusChanges returns all components' changes oldest first, so each list stays in order.
  for (const change of changes) subjects.get(change.componentId)?.changes.push({ status: change.status, changedAt: change.changedAt });
  return subjects;
}
