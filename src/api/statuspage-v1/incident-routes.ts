import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../../app-deps.ts';
import {
  createIncident,
  deleteIncident,
  editIncidentUpdate,
  getIncident,
  queryIncidents,
  reviseIncident,
  type Incident,
  type IncidentFilter,
} from '../../modules/incidents/index.ts';
import type { Ctx } from '../../shared/context.ts';
import { notFound } from '../../shared/errors.ts';
import { inStatuspageTerms } from './field-names.ts';
import { createInput, incidentFieldNames, reviseInput } from './incident-inputs.ts';
import { pageWindow } from './pagination.ts';
import { route, type V1Request } from './route.ts';
import { loadPresentContext } from './present-context.ts';
import type { Locale } from '../../shared/locales.ts';
import { updateBodyText } from '../../i18n/update-body.ts';
import { presentIncident, presentUpdate } from './presenters.ts';
import { incidentBody, incidentUpdateBody, readRoot } from './request-schemas.ts';

async function presentAll(ctx: Pick<Ctx, 'db'>, incidents: Incident[]) {
  const pc = await loadPresentContext(ctx);
  return incidents.map((i) => presentIncident(i, pc));
}

async function presentOne(ctx: Pick<Ctx, 'db'>, incident: Incident) {
  return presentIncident(incident, await loadPresentContext(ctx));
}

/** Statuspage's `q`: the text in the name, status, postmortem or any update (as the API words it). */
function matches(incident: Incident, q: string, locale: Locale): boolean {
  const needle = q.toLowerCase();
  const texts = [incident.name, incident.status, incident.postmortem.body ?? '', ...incident.updates.map((u) => updateBodyText(u, locale))];
  return texts.some((t) => t.toLowerCase().includes(needle));
}

async function listed(ctx: Pick<Ctx, 'db'>, filter: IncidentFilter, query: Record<string, unknown>) {
  const { offset, limit } = pageWindow(query, 'limit');
  const q = typeof query.q === 'string' ? query.q.trim() : '';
  if (q === '') return presentAll(ctx, await queryIncidents(ctx, { ...filter, offset, limit }));
  const { locale } = await loadPresentContext(ctx);
  const found = (await queryIncidents(ctx, filter)).filter((i) => matches(i, q, locale));
  return presentAll(ctx, found.slice(offset, offset + limit));
}

export function registerIncidentRoutes(scope: FastifyInstance, _deps: AppDeps): void {
  const base = '/pages/:page_id/incidents';
  route(scope, 'GET', base, async ({ caller, query }) => listed(caller.ctx, {}, query));
  route(scope, 'GET', `${base}/unresolved`, async ({ caller, query }) =>
    listed(caller.ctx, { kind: 'incident', statuses: ['investigating', 'identified', 'monitoring'] }, query),
  );
  route(scope, 'GET', `${base}/upcoming`, async ({ caller, query }) =>
    listed(caller.ctx, { kind: 'maintenance', statuses: ['scheduled'], startedFrom: caller.ctx.clock.now() }, query),
  );
  route(scope, 'GET', `${base}/scheduled`, async ({ caller, query }) =>
    listed(caller.ctx, { kind: 'maintenance', statuses: ['scheduled'] }, query),
  );
  route(scope, 'GET', `${base}/active_maintenance`, async ({ caller, query }) =>
    listed(caller.ctx, { kind: 'maintenance', statuses: ['in_progress', 'verifying'] }, query),
  );

  route(scope, 'POST', base, async ({ caller, body }, reply) => {
    const input = createInput(readRoot(body, 'incident', incidentBody));
    const created = await inStatuspageTerms('incident', incidentFieldNames, () => createIncident(caller.ctx, input));
    return reply.code(201).send(await presentOne(caller.ctx, created));
  });

  route(scope, 'GET', `${base}/:incident_id`, async ({ caller, params }) =>
    presentOne(caller.ctx, await getIncident(caller.ctx, params.incident_id!)),
  );

  const update = async ({ caller, params, body }: V1Request) => {
    const input = reviseInput(readRoot(body, 'incident', incidentBody));
    const updated = await inStatuspageTerms('incident', incidentFieldNames, () => reviseIncident(caller.ctx, params.incident_id!, input));
    return presentOne(caller.ctx, updated);
  };
  route(scope, 'PATCH', `${base}/:incident_id`, update);
  route(scope, 'PUT', `${base}/:incident_id`, update);

  route(scope, 'DELETE', `${base}/:incident_id`, async ({ caller, params }) => {
    const pc = await loadPresentContext(caller.ctx);
    return presentIncident(await deleteIncident(caller.ctx, params.incident_id!), pc);
  });

  const editUpdate = async ({ caller, params, body }: V1Request) => {
    const d = readRoot(body, 'incident_update', incidentUpdateBody);
    const incident = await editIncidentUpdate(caller.ctx, params.incident_id!, params.incident_update_id!, {
      ...(d.body !== undefined && { body: d.body }),
      ...(d.display_at !== undefined && d.display_at !== null && { displayAt: d.display_at }),
      ...(d.deliver_notifications !== undefined && { deliverNotifications: d.deliver_notifications }),
    });
    const edited = incident.updates.find((u) => u.id === params.incident_update_id);
    if (edited === undefined) throw notFound('incident_update', params.incident_update_id!);
    return presentUpdate(edited, (await loadPresentContext(caller.ctx)).locale);
  };
  route(scope, 'PATCH', `${base}/:incident_id/incident_updates/:incident_update_id`, editUpdate);
  route(scope, 'PUT', `${base}/:incident_id/incident_updates/:incident_update_id`, editUpdate);
}
