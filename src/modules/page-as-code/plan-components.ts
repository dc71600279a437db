import type { Db } from '../../storage/database.ts';
import type { Ctx } from '../../shared/context.ts';
import type { ComponentId } from '../../shared/ids.ts';
import {
  deleteComponentRow,
  findComponent,
  insertComponent,
  recordStatusChange,
  saveComponent,
  type Component,
} from '../components/index.ts';
import type { FileProblems } from './page-file-problems.ts';
import { appendForOutages, checkOutages, describeOutage, transitionsFromOutages, type Transition } from './outage-periods.ts';
import { isGroupEntry, type ComponentEntry, type GroupEntry, type PageState } from './page-state.ts';
import type { ResolvedPageFile } from './resolve-page-file.ts';

/** One change apply will make, with the line the dry run prints. */
export interface Step {
  summary: string;
  /** `ctx` acts in the apply's transaction (`ctx.db` is `tx`), for steps that call other modules' verbs. */
  run(tx: Db, now: Date, ctx: Ctx): Promise<void>;
}

interface Placed {
  entry: ComponentEntry | GroupEntry;
  groupId: string | null;
  index: number;
  /** Whether the parent's children change order, so positions are rewritten. */
  reposition: boolean;
}

function placements(components: PageState['components']): Map<string, { groupId: string | null; order: string[] }> {
  const placed = new Map<string, { groupId: string | null; order: string[] }>();
  const top = components.map((c) => c.id);
  for (const c of components) {
    placed.set(c.id, { groupId: null, order: top });
    if (isGroupEntry(c)) {
      const order = c.components.map((k) => k.id);
      for (const k of c.components) placed.set(k.id, { groupId: c.id, order });
    }
  }
  return placed;
}

const fieldsOf = (e: ComponentEntry | GroupEntry) =>
  isGroupEntry(e)
    ? { name: e.name, description: e.description, showcase: e.showcase, created_at: e.created_at, translations: e.translations }
    : {
        name: e.name,
        description: e.description,
        translations: e.translations,
        showcase: e.showcase,
        created_at: e.created_at,
        start_date: e.start_date,
        only_show_if_degraded: e.only_show_if_degraded,
        third_party: e.third_party,
      };

function changedFields(a: object, b: object): string[] {
  const left = a as Record<string, unknown>;
  const right = b as Record<string, unknown>;
  return Object.keys(left).filter((k) => JSON.stringify(left[k]) !== JSON.stringify(right[k]));
}

/** Components to add, change, move and remove, and the outages to append to their history. */
export function planComponents(current: PageState, resolved: ResolvedPageFile, problems: FileProblems): Step[] {
  const stored = new Map<string, ComponentEntry | GroupEntry>();
  for (const c of current.components) {
    stored.set(c.id, c);
    if (isGroupEntry(c)) for (const k of c.components) stored.set(k.id, k);
  }
  const before = placements(current.components);
  const after = placements(resolved.state.components);
  const list: Placed[] = [];
  for (const [id, place] of after) {
    const entry = findEntry(resolved.state.components, id)!;
    const was = before.get(id);
    const reposition = was === undefined || was.groupId !== place.groupId || JSON.stringify(was.order) !== JSON.stringify(place.order);
    list.push({ entry, groupId: place.groupId, index: place.order.indexOf(id), reposition });
  }

  const steps: Step[] = [];
  const removals: Step[] = [];
  const historySteps: Step[] = [];
  for (const item of list) {
    const old = stored.get(item.entry.id);
    const label = `component "${item.entry.name}"`;
    if (old === undefined) {
      steps.push({
        summary: `add ${isGroupEntry(item.entry) ? 'group' : 'component'} "${item.entry.name}" (${item.entry.id})`,
        run: (tx, now) => insertComponent(tx, newComponent(item, now)),
      });
    } else {
      const fields = changedFields(fieldsOf(item.entry), fieldsOf(old));
      const moved = before.get(old.id)!.groupId !== item.groupId;
      if (moved) fields.push('group');
      else if (item.reposition) fields.push('position');
      if (fields.length > 0) steps.push({ summary: `change ${label}: ${fields.join(', ')}`, run: (tx, now) => saveChanged(tx, item, now) });
    }
    if (isGroupEntry(item.entry)) continue;
    const entry = item.entry;
    // Outages written wrongly are already reported; comparing them with the history would only add noise.
    if (checkOutages(entry.outages).length > 0) continue;
    const history = old === undefined || isGroupEntry(old) ? [] : transitionsFromOutages(old.outages);
    const result = appendForOutages(history, entry.outages);
    if (!result.ok) {
      const path = [...(resolved.componentPaths.get(entry.id) ?? []), 'outages'];
      for (const lost of result.lost) {
        problems.add(
          path,
          `the recorded history of "${entry.name}" has the outage ${describeOutage(lost)}, which this file leaves out or changes; the status history is append-only, so a file can add outages and end an ongoing one but not remove or shorten them`,
        );
      }
      continue;
    }
    const append = result.append;
    if (old === undefined) {
      const first = [entry.created_at, ...entry.outages.map((o) => o.from)].sort()[0]!;
      historySteps.push({
        summary: `record the status history of "${entry.name}" (${entry.outages.length} outage${entry.outages.length === 1 ? '' : 's'})`,
        run: (tx, now) => recordTransitions(tx, entry.id, [{ at: first, status: 'operational' }, ...append], now),
      });
    } else if (append.length > 0) {
      historySteps.push({
        summary: `record ${append.length} status change${append.length === 1 ? '' : 's'} of "${entry.name}"`,
        run: (tx, now) => recordTransitions(tx, entry.id, append, now),
      });
    }
  }
  for (const old of stored.values()) {
    if (after.has(old.id)) continue;
    removals.push({
      summary: `remove ${isGroupEntry(old) ? 'group' : 'component'} "${old.name}" (${old.id}) and its status history`,
      run: (tx) => deleteComponentRow(tx, old.id as ComponentId),
    });
  }
  // Removals last among component steps: children leave a removed group before it goes.
  return [...steps, ...removals, ...historySteps];
}

function findEntry(components: PageState['components'], id: string): ComponentEntry | GroupEntry | undefined {
  for (const c of components) {
    if (c.id === id) return c;
    if (isGroupEntry(c)) for (const k of c.components) if (k.id === id) return k;
  }
  return undefined;
}

function newComponent(item: Placed, now: Date): Component {
  const e = item.entry;
  const leaf = isGroupEntry(e) ? null : e;
  return {
    id: e.id as ComponentId,
    name: e.name,
    description: e.description,
    position: item.index + 1,
    isGroup: leaf === null,
    groupId: item.groupId as ComponentId | null,
    status: 'operational',
    showcase: e.showcase,
    onlyShowIfDegraded: leaf?.only_show_if_degraded ?? false,
    startDate: leaf?.start_date ?? null,
    thirdParty: leaf?.third_party ? { sourceUrl: leaf.third_party.source_url, componentId: leaf.third_party.component_id } : null,
    statusUnknownSince: null,
    mirrorHeldUntil: null,
    translations: e.translations,
    createdAt: new Date(e.created_at),
    updatedAt: now,
  };
}

async function saveChanged(tx: Db, item: Placed, now: Date): Promise<void> {
  const existing = (await findComponent(tx, item.entry.id))!;
  const next = newComponent(item, now);
  await saveComponent(tx, { ...next, position: item.reposition ? item.index + 1 : existing.position });
}

async function recordTransitions(tx: Db, id: string, transitions: Transition[], now: Date): Promise<void> {
  for (const t of transitions) {
    await recordStatusChange(
      tx,
      { componentId: id as ComponentId, status: t.status, changedAt: new Date(t.at), cause: 'import', causeId: null },
      now,
    );
  }
}
