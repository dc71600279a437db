import type { Ctx } from '../../shared/context.ts';
import { invalid } from '../../shared/errors.ts';
import { newId, type ComponentId, type IncidentId, type IncidentUpdateId } from '../../shared/ids.ts';
import { write } from '../../storage/write.ts';
import { recordAudit } from '../audit/index.ts';
import { notifyIncidentUpdate } from '../../outbox/index.ts';
import { incidentSnapshot } from './incident-audit.ts';
import { changeComponentStatuses } from './change-component-statuses.ts';
import { updateBodyFields, deriveImpact, lifecycleTimes, type Incident, type IncidentUpdate } from './incident.ts';
import { openIncidentSchema, type OpenIncidentInput } from './incident-schemas.ts';
import { insertIncident, insertIncidentUpdate } from './incident-store.ts';

/** Opens an incident with its first update, moving the affected components to their new status. */
export async function openIncident(ctx: Ctx, input: OpenIncidentInput): Promise<Incident> {
  const data = openIncidentSchema.parse(input);
  if (data.backfilled && Object.keys(data.components).length > 0) {
    const message = 'a backfilled incident cannot change component statuses; its past is already recorded';
    throw invalid(`components: ${message}`, [{ path: 'components', message }]);
  }
  return write(ctx, async (tx) => {
    const now = ctx.clock.now();
    const startedAt = data.startedAt ?? now;
    const id = newId<IncidentId>();
    const status = data.backfilled ? 'resolved' : data.status;
    const affectedComponents = await changeComponentStatuses(tx, data.components, startedAt, { cause: 'incident', causeId: id }, now);
    const update: IncidentUpdate = {
      id: newId<IncidentUpdateId>(),
      incidentId: id,
      status,
      ...updateBodyFields(data.body, status),
      createdAt: now,
      updatedAt: now,
      displayAt: startedAt,
      deliverNotifications: data.backfilled ? false : data.deliverNotifications,
      affectedComponents,
    };
    const componentIds = [...new Set([...Object.keys(data.components), ...data.componentIds])] as ComponentId[];
    const incident: Incident = {
      id,
      kind: 'incident',
      name: data.name,
      status,
      impact: deriveImpact('incident', [update], data.impactOverride),
      impactOverride: data.impactOverride,
      createdAt: now,
      updatedAt: now,
      startedAt,
      ...lifecycleTimes({ monitoringAt: null, resolvedAt: null }, status, startedAt),
      backfilled: data.backfilled,
      schedule: null,
      postmortem: { body: null, draft: null, lastUpdatedAt: null, publishedAt: null, notifiedSubscribers: false, ignored: false },
      metadata: data.metadata,
      componentIds,
      updates: [update],
    };
    await insertIncident(tx, incident);
    await insertIncidentUpdate(tx, update);
    if (update.deliverNotifications) await notifyIncidentUpdate(tx, update, now);
    await recordAudit(tx, ctx.actor, {
      action: 'incident.open',
      entityType: 'incident',
      entityId: id,
      before: null,
      after: incidentSnapshot(incident, update),
      at: now,
    });
    return incident;
  });
}
