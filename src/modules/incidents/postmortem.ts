import type { Ctx } from '../../shared/context.ts';
import { AppError, notFound } from '../../shared/errors.ts';
import { write } from '../../storage/write.ts';
import { recordAudit } from '../audit/index.ts';
import { notifyPostmortem } from '../../outbox/index.ts';
import { incidentSnapshot } from './incident-audit.ts';
import type { Incident } from './incident.ts';
import { postmortemDraftSchema, publishPostmortemSchema } from './incident-schemas.ts';
import { findIncident, saveIncident } from './incident-store.ts';

async function withIncident(
  ctx: Ctx,
  incidentId: string,
  action: string,
  change: (incident: Incident, now: Date) => Incident,
): Promise<Incident> {
  return write(ctx, async (tx) => {
    const incident = await findIncident(tx, incidentId);
    if (incident === undefined || incident.kind !== 'incident') throw notFound('incident', incidentId);
    const now = ctx.clock.now();
    const next = change(incident, now);
    await saveIncident(tx, next);
    await recordAudit(tx, ctx.actor, {
      action,
      entityType: 'incident',
      entityId: incident.id,
      before: incidentSnapshot(incident),
      after: incidentSnapshot(next),
      at: now,
    });
    return next;
  });
}

/** Saves the postmortem's draft; visitors see nothing until it is published. */
export async function savePostmortemDraft(ctx: Ctx, incidentId: string, input: { body: string }): Promise<Incident> {
  const { body } = postmortemDraftSchema.parse(input);
  return withIncident(ctx, incidentId, 'incident.postmortem_draft', (incident, now) => ({
    ...incident,
    updatedAt: now,
    postmortem: { ...incident.postmortem, draft: body, lastUpdatedAt: now },
  }));
}

/** Publishes the draft on a resolved incident, whose status becomes `postmortem`. */
export async function publishPostmortem(ctx: Ctx, incidentId: string, input: { notifySubscribers?: boolean } = {}): Promise<Incident> {
  const { notifySubscribers } = publishPostmortemSchema.parse(input);
  // The notice joins the publishing transaction, so subscribers hear of it exactly when it is published.
  return write(ctx, async (tx) => {
    const published = await publishDraft({ ...ctx, db: tx }, incidentId, notifySubscribers);
    if (notifySubscribers) await notifyPostmortem(tx, published.id, ctx.clock.now());
    return published;
  });
}

function publishDraft(ctx: Ctx, incidentId: string, notifySubscribers: boolean): Promise<Incident> {
  return withIncident(ctx, incidentId, 'incident.postmortem_publish', (incident, now) => {
    if (incident.status !== 'resolved' && incident.status !== 'postmortem') {
      throw new AppError('incident_transition_invalid', 'Resolve the incident before publishing its postmortem.');
    }
    const draft = incident.postmortem.draft;
    if (draft === null || draft.trim() === '')
      throw new AppError('incident_transition_invalid', 'Write the postmortem before publishing it.');
    return {
      ...incident,
      status: 'postmortem',
      updatedAt: now,
      postmortem: { ...incident.postmortem, body: draft, publishedAt: now, notifiedSubscribers: notifySubscribers, lastUpdatedAt: now },
    };
  });
}

/** Takes a published postmortem back to draft; the incident returns to `resolved`. */
export async function revertPostmortem(ctx: Ctx, incidentId: string): Promise<Incident> {
  return withIncident(ctx, incidentId, 'incident.postmortem_revert', (incident, now) => {
    if (incident.postmortem.publishedAt === null) throw new AppError('incident_transition_invalid', 'The postmortem is not published.');
    return {
      ...incident,
      status: 'resolved',
      updatedAt: now,
      postmortem: { ...incident.postmortem, draft: incident.postmortem.body, body: null, publishedAt: null },
    };
  });
}

/** Discards the postmortem draft (Statuspage's DELETE …/postmortem). */
export async function deletePostmortem(ctx: Ctx, incidentId: string): Promise<Incident> {
  return withIncident(ctx, incidentId, 'incident.postmortem_delete', (incident, now) => {
    if (incident.postmortem.publishedAt !== null)
      throw new AppError('incident_transition_invalid', 'Revert the published postmortem before deleting it.');
    return { ...incident, updatedAt: now, postmortem: { ...incident.postmortem, draft: null, lastUpdatedAt: now } };
  });
}
