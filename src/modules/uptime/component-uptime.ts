import type { Ctx } from '../../shared/context.ts';
import type { ComponentId } from '../../shared/ids.ts';
import { listComponents, listStatusChanges } from '../components/index.ts';
import { listNoData } from '../signals/index.ts';
import type { NoDataSpan, UptimeSubject } from './uptime.ts';

/** Every component's (and group's) uptime subject, from three queries whatever the number of components. */
export async function loadUptimeSubjects(ctx: Pick<Ctx, 'db'>): Promise<Map<ComponentId, UptimeSubject>> {
  const [components, changes, noData] = await Promise.all([listComponents(ctx.db), listStatusChanges(ctx.db), listNoData(ctx.db)]);
  const subjects = new Map<ComponentId, UptimeSubject>();
  for (const component of components) subjects.set(component.id, { changes: [], startDate: component.startDate });
  // listStatusChanges returns all components' changes oldest first, so each list stays in order.
  for (const change of changes) subjects.get(change.componentId)?.changes.push({ status: change.status, changedAt: change.changedAt });
  const gaps = new Map<ComponentId, NoDataSpan[]>();
  for (const stretch of noData) {
    const list = gaps.get(stretch.componentId) ?? [];
    list.push({ from: stretch.from, to: stretch.to });
    gaps.set(stretch.componentId, list);
  }
  for (const [id, list] of gaps) {
    const subject = subjects.get(id);
    if (subject !== undefined) subject.noData = mergeSpans(list);
  }
  return subjects;
}

/** Spans oldest first, overlapping ones (two monitors of one component missing together) joined. */
export function mergeSpans(spans: readonly NoDataSpan[]): NoDataSpan[] {
  const sorted = [...spans].sort((a, b) => a.from.getTime() - b.from.getTime());
  const merged: NoDataSpan[] = [];
  for (const span of sorted) {
    const last = merged[merged.length - 1];
    if (last !== undefined && span.from.getTime() <= last.to.getTime()) {
      if (span.to.getTime() > last.to.getTime()) last.to = span.to;
    } else merged.push({ from: span.from, to: span.to });
  }
  return merged;
}
