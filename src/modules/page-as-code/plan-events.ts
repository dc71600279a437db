import type { ComponentId, IncidentId, IncidentUpdateId } from '../../shared/ids.ts';
import {
  deleteIncidentRow,
  deleteIncidentUpdateRow,
  deriveImpact,
  insertIncident,
  insertIncidentUpdate,
  lifecycleTimes,
  replaceIncidentComponents,
  saveIncident,
  type Incident,
  type IncidentKind,
  type IncidentUpdate,
} from '../incidents/index.ts';
import type { IncidentEntry, MaintenanceEntry, PageState, UpdateEntry } from './page-state.ts';
import type { Step } from './plan-components.ts';

type EventEntry = IncidentEntry | MaintenanceEntry;

const rowFields = (e: EventEntry) => {
  const { updates: _updates, ...fields } = e;
  return JSON.stringify(Object.entries(fields).sort(([a], [b]) => a.localeCompare(b)));
};
const updateFields = (u: UpdateEntry) => JSON.stringify(u);

/** Incidents and maintenances to add, change or remove, with their updates. */
export function planEvents(current: PageState, desired: PageState): Step[] {
  const steps: Step[] = [];
  const stored = new Map<string, { kind: IncidentKind; entry: EventEntry }>();
  for (const e of current.incidents) stored.set(e.id, { kind: 'incident', entry: e });
  for (const e of current.maintenances) stored.set(e.id, { kind: 'maintenance', entry: e });
  const wanted = [
    ...desired.incidents.map((entry) => ({ kind: 'incident' as const, entry })),
    ...desired.maintenances.map((entry) => ({ kind: 'maintenance' as const, entry })),
  ];
  for (const { kind, entry } of wanted) {
    const label = `${kind} "${entry.name}"`;
    const old = stored.get(entry.id)?.entry;
    if (old === undefined) {
      steps.push({
        summary: `add ${label} (${entry.id}) with ${entry.updates.length} update${entry.updates.length === 1 ? '' : 's'}`,
        run: async (tx) => {
          await insertIncident(tx, toIncident(kind, entry, null));
          for (const u of toUpdates(entry)) await insertIncidentUpdate(tx, u);
        },
      });
      continue;
    }
    const oldUpdates = new Map(old.updates.map((u) => [u.id, u]));
    const newIds = new Set(entry.updates.map((u) => u.id));
    const added = entry.updates.filter((u) => !oldUpdates.has(u.id));
    const changed = entry.updates.filter((u) => oldUpdates.has(u.id) && updateFields(oldUpdates.get(u.id)!) !== updateFields(u));
    const removed = old.updates.filter((u) => !newIds.has(u.id));
    const rowChanged = rowFields(old) !== rowFields(entry);
    if (!rowChanged && added.length + changed.length + removed.length === 0) continue;
    const parts = [
      ...(rowChanged ? [changedKeys(old, entry).join(', ')] : []),
      ...added.map((u) => `add update (${u.status}, ${u.display_at})`),
      ...changed.map((u) => `change update (${u.status}, ${u.display_at})`),
      ...removed.map((u) => `remove update (${u.status}, ${u.display_at})`),
    ];
    steps.push({
      summary: `change ${label}: ${parts.join('; ')}`,
      run: async (tx, now) => {
        const updates = toUpdates(entry);
        for (const u of [...removed, ...changed]) await deleteIncidentUpdateRow(tx, u.id as IncidentUpdateId);
        for (const u of updates) if (!oldUpdates.has(u.id) || changed.some((c) => c.id === u.id)) await insertIncidentUpdate(tx, u);
        await saveIncident(tx, toIncident(kind, entry, now));
        if (JSON.stringify(old.components) !== JSON.stringify(entry.components)) {
          await replaceIncidentComponents(tx, entry.id as IncidentId, entry.components as ComponentId[]);
        }
      },
    });
  }
  const kept = new Set(wanted.map((w) => w.entry.id));
  for (const [id, { kind, entry }] of stored) {
    if (!kept.has(id))
      steps.push({ summary: `remove ${kind} "${entry.name}" (${id})`, run: (tx) => deleteIncidentRow(tx, id as IncidentId) });
  }
  return steps;
}

function changedKeys(a: EventEntry, b: EventEntry): string[] {
  const left = a as unknown as Record<string, unknown>;
  const right = b as unknown as Record<string, unknown>;
  return Object.keys(right).filter((k) => k !== 'updates' && JSON.stringify(left[k]) !== JSON.stringify(right[k]));
}

/** Updates newest first, as the store orders them: by display time, then creation, then id. */
function toUpdates(entry: EventEntry): IncidentUpdate[] {
  const updates = entry.updates.map((u): IncidentUpdate => ({
    id: u.id as IncidentUpdateId,
    incidentId: entry.id as IncidentId,
    status: u.status,
    body: u.body,
    generatedBody: u.generated_body,
    createdAt: new Date(u.created_at),
    updatedAt: new Date(u.created_at),
    displayAt: new Date(u.display_at),
    deliverNotifications: u.deliver_notifications,
    affectedComponents: u.affected_components.map((a) => ({
      componentId: a.component as ComponentId,
      name: a.name,
      oldStatus: a.old_status,
      newStatus: a.new_status,
    })),
  }));
  const key = (u: IncidentUpdate) => `${u.displayAt.toISOString()} ${u.createdAt.toISOString()} ${u.id}`;
  return updates.sort((a, b) => (key(a) < key(b) ? 1 : key(a) > key(b) ? -1 : 0));
}

/**
 * The stored incident for an entry. Status, impact and the monitoring and resolution times are
 * derived from the updates (and the postmortem), as the incident verbs would have set them.
 */
function toIncident(kind: IncidentKind, entry: EventEntry, changedAt: Date | null): Incident {
  const updates = toUpdates(entry);
  let times: { monitoringAt: Date | null; resolvedAt: Date | null } = { monitoringAt: null, resolvedAt: null };
  for (const u of [...updates].reverse()) times = lifecycleTimes(times, u.status, u.displayAt);
  const incident = 'started_at' in entry ? entry : null;
  const maintenance = 'scheduled_for' in entry ? entry : null;
  const pm = incident?.postmortem ?? null;
  const published = pm !== null && pm.published_at !== null && pm.body !== null;
  const override = incident?.impact_override ?? null;
  const latest = [
    entry.created_at,
    ...entry.updates.flatMap((u) => [u.created_at, u.display_at]),
    ...(pm?.published_at ? [pm.published_at] : []),
  ]
    .sort()
    .at(-1)!;
  return {
    id: entry.id as IncidentId,
    kind,
    name: entry.name,
    status: published ? 'postmortem' : updates[0]!.status,
    impact: deriveImpact(kind, updates, override),
    impactOverride: override,
    createdAt: new Date(entry.created_at),
    updatedAt: changedAt ?? new Date(latest),
    startedAt: new Date(incident?.started_at ?? maintenance!.scheduled_for),
    ...times,
    backfilled: incident?.backfilled ?? false,
    schedule:
      maintenance === null
        ? null
        : {
            scheduledFor: new Date(maintenance.scheduled_for),
            scheduledUntil: new Date(maintenance.scheduled_until),
            remindPrior: maintenance.remind_prior,
            remindedAt: maintenance.reminded_at === null ? null : new Date(maintenance.reminded_at),
            autoInProgress: maintenance.auto_in_progress,
            autoCompleted: maintenance.auto_completed,
            autoTransitionToMaintenanceState: maintenance.auto_transition_to_maintenance_state,
            autoTransitionToOperationalState: maintenance.auto_transition_to_operational_state,
            autoTransitionDeliverNotificationsAtStart: maintenance.auto_transition_deliver_notifications_at_start,
            autoTransitionDeliverNotificationsAtEnd: maintenance.auto_transition_deliver_notifications_at_end,
          },
    postmortem: {
      body: pm?.body ?? null,
      draft: pm?.draft ?? null,
      lastUpdatedAt: pm?.published_at ? new Date(pm.published_at) : null,
      publishedAt: pm?.published_at ? new Date(pm.published_at) : null,
      notifiedSubscribers: pm?.notified_subscribers ?? false,
      ignored: false,
    },
    metadata: entry.metadata,
    ...(Object.keys(entry.translations).length > 0 && { translations: entry.translations }),
    componentIds: entry.components as ComponentId[],
    updates,
  };
}
