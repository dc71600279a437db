import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../../app-deps.ts';
import { deletePostmortem, getIncident, publishPostmortem, revertPostmortem, savePostmortemDraft } from '../../modules/incidents/index.ts';
import { notFound } from '../../shared/errors.ts';
import { route } from './route.ts';
import { presentPostmortem } from './presenters.ts';
import { postmortemBody, publishBody, readRoot } from './request-schemas.ts';

/** Postmortem draft → publish → revert, on incidents only (maintenances have none). */
export function registerPostmortemRoutes(scope: FastifyInstance, _deps: AppDeps): void {
  const path = '/pages/:page_id/incidents/:incident_id/postmortem';
  route(scope, 'GET', path, async ({ caller, params }) => {
    const incident = await getIncident(caller.ctx, params.incident_id!);
    if (incident.kind !== 'incident') throw notFound('incident', incident.id);
    return presentPostmortem(incident);
  });
  route(scope, 'PUT', path, async ({ caller, params, body }) => {
    const { body_draft } = readRoot(body, 'postmortem', postmortemBody);
    return presentPostmortem(await savePostmortemDraft(caller.ctx, params.incident_id!, { body: body_draft }));
  });
  route(scope, 'DELETE', path, async ({ caller, params }, reply) => {
    await deletePostmortem(caller.ctx, params.incident_id!);
    return reply.code(204).send();
  });
  route(scope, 'PUT', `${path}/publish`, async ({ caller, params, body }) => {
    const d = readRoot(body, 'postmortem', publishBody, { optional: true });
    return presentPostmortem(
      await publishPostmortem(caller.ctx, params.incident_id!, { notifySubscribers: d.notify_subscribers ?? false }),
    );
  });
  route(scope, 'PUT', `${path}/revert`, async ({ caller, params }) =>
    presentPostmortem(await revertPostmortem(caller.ctx, params.incident_id!)),
  );
}
