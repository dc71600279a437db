import type { Ctx } from '../../shared/context.ts';
import { notFound } from '../../shared/errors.ts';
import type { ComponentId } from '../../shared/ids.ts';
import { write } from '../../storage/write.ts';
import { recordAudit } from '../audit/index.ts';
import { incidentSnapshot } from './incident-audit.ts';
import { findComponent } from '../components/index.ts';
import { deriveImpact, type Incident } from './incident.ts';
import { updateIncidentSchema, type UpdateIncidentInput } from './incident-schemas.ts';
import { findIncident, replaceIncidentComponents, saveIncident } from './incident-store.ts';

/** Renames an incident, overrides its impact, or changes which components it is attached to. */
export async function updateIncident(ctx: Ctx, incidentId: string, input: UpdateIncidentInput): Promise<Incident> {
  const data = updateIncidentSchema.parse(input);
  return write(ctx, async (tx) => {
    const incident = await findIncident(tx, incidentId);
    if (incident === undefined) throw notFound('incident', incidentId);
    const now = ctx.clock.now();
    const impactOverride = data.impactOverride === undefined ? incident.impactOverride : data.impactOverride;
    const next: Incident = {
      ...incident,
      name: data.name ?? incident.name,
      impactOverride,
      impact: deriveImpact(incident.kind, incident.updates, impactOverride),
      startedAt: data.startedAt ?? incident.startedAt,
      metadata: data.metadata ?? incident.metadata,
      updatedAt: now,
    };
    if (data.componentIds !== undefined) {
      for (const id of data.componentIds) if ((await findComponent(tx, id)) === undefined) throw notFound('component', id);
      next.componentIds = [...new Set(data.componentIds)] as ComponentId[];
      await replaceIncidentComponents(tx, incident.id, next.componentIds);
    }
    await saveIncident(tx, next);
    await recordAudit(tx, ctx.actor, {
      action: `${incident.kind}.update`,
      entityType: incident.kind,
      entityId: incident.id,
      before: incidentSnapshot(incident),
      after: incidentSnapshot(next),
      at: now,
    });
    return next;
  });
}
