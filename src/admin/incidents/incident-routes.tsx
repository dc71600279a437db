import type { FastifyReply } from 'fastify';
import type { AppDeps } from '../../app-deps.ts';
import type { App } from '../../http/create-app.ts';
import { listComponentsInOrder } from '../../modules/components/index.ts';
import {
  getIncident,
  openIncident,
  postIncidentUpdate,
  publishPostmortem,
  queryIncidents,
  revertPostmortem,
  savePostmortemDraft,
  updateIncident,
  type Incident,
} from '../../modules/incidents/index.ts';
import { notFound } from '../../shared/errors.ts';
import { redirectTo, screen, show, submitForm, type Screen } from '../admin-screen.tsx';
import { asBody, checked, emptyForm, text, type FormState } from '../form-values.ts';
import { backfillInput, fieldError, impactOverride, incidentFieldPaths, openIncidentInput, postUpdateInput } from './incident-form.ts';
import { registerEventEditRoutes } from './event-routes.tsx';
import { BackfillIncident, IncidentList, NewIncident } from './incident-views.tsx';
import { IncidentDetail, type DetailForms } from './incident-detail-view.tsx';
import { incidentTemplates, templateValues } from './incident-templates.ts';

type Params = { Params: { id: string } };
const pageSize = 25;

async function loadIncident(s: Screen, id: string): Promise<Incident> {
  const incident = await getIncident(s.ctx, id);
  if (incident.kind !== 'incident') throw notFound('incident', id);
  return incident;
}

async function showDetail(
  reply: FastifyReply,
  s: Screen,
  incident: Incident,
  forms: DetailForms = {},
  status = 200,
): Promise<FastifyReply> {
  const components = await listComponentsInOrder(s.ctx);
  return show(
    reply,
    s,
    incident.name,
    'incidents',
    <IncidentDetail s={s} incident={incident} components={components} forms={forms} />,
    status,
  );
}

/** Incidents: list, open (full form or the dashboard's box), backfill, update, resolve, edit, postmortem. */
export function registerIncidentRoutes(scope: App, deps: AppDeps): void {
  scope.get<{ Querystring: { offset?: string } }>('/incidents', async (request, reply) => {
    const s = await screen(deps, request);
    const offset = Math.max(0, Number.parseInt(request.query.offset ?? '0', 10) || 0);
    const open = await queryIncidents(s.ctx, { kind: 'incident', statuses: ['investigating', 'identified', 'monitoring'] });
    const recent = await queryIncidents(s.ctx, { kind: 'incident', limit: pageSize + 1, offset });
    return show(
      reply,
      s,
      s.t('adminIncidents.title'),
      'incidents',
      <IncidentList s={s} open={open} recent={recent.slice(0, pageSize)} offset={offset} hasMore={recent.length > pageSize} />,
    );
  });

  const showNew = async (reply: FastifyReply, s: Screen, form: FormState, template: string, status = 200, suggested: string[] = []) => {
    const templates = await incidentTemplates(s.ctx);
    const components = await listComponentsInOrder(s.ctx);
    return show(
      reply,
      s,
      s.t('adminIncidents.newTitle'),
      'incidents',
      <NewIncident
        s={s}
        form={form}
        components={components}
        templates={templates}
        template={template}
        suggested={components.filter((c) => suggested.includes(c.id)).map((c) => c.name)}
      />,
      status,
    );
  };

  scope.get<{ Querystring: { template?: string } }>('/incidents/new', async (request, reply) => {
    const s = await screen(deps, request, 'post_incidents');
    const template = request.query.template ?? '';
    if (template === '') return showNew(reply, s, emptyForm(), template);
    const picked = await templateValues(s.ctx, template);
    return showNew(reply, s, { values: picked.values, errors: {}, complete: true }, template, 200, picked.componentIds);
  });

  scope.post('/incidents', async (request, reply) => {
    const s = await screen(deps, request, 'post_incidents');
    const body = asBody(request.body);
    const components = await listComponentsInOrder(s.ctx);
    // The dashboard's box posts here too; on a mistake the full form shows what was typed.
    return submitForm(
      reply,
      body,
      async () => {
        const incident = await openIncident(s.ctx, openIncidentInput(body, components));
        return redirectTo(reply, `/admin/incidents/${incident.id}`, 'incident-opened');
      },
      (form, status) => showNew(reply, s, form, '', status),
      incidentFieldPaths,
    );
  });

  scope.get('/incidents/backfill', async (request, reply) => {
    const s = await screen(deps, request, 'post_incidents');
    return show(reply, s, s.t('adminIncidents.backfillTitle'), 'incidents', <BackfillIncident s={s} form={emptyForm()} />);
  });

  scope.post('/incidents/backfill', async (request, reply) => {
    const s = await screen(deps, request, 'post_incidents');
    const body = asBody(request.body);
    return submitForm(
      reply,
      body,
      async () => {
        const incident = await openIncident(s.ctx, backfillInput(body, s.page.timeZone, s.ctx.clock.now()));
        return redirectTo(reply, `/admin/incidents/${incident.id}`, 'incident-backfilled');
      },
      (form, status) => show(reply, s, s.t('adminIncidents.backfillTitle'), 'incidents', <BackfillIncident s={s} form={form} />, status),
      incidentFieldPaths,
    );
  });

  scope.get<Params>('/incidents/:id', async (request, reply) => {
    const s = await screen(deps, request);
    return showDetail(reply, s, await loadIncident(s, request.params.id));
  });

  scope.post<Params>('/incidents/:id/updates', async (request, reply) => {
    const s = await screen(deps, request, 'post_incidents');
    const incident = await loadIncident(s, request.params.id);
    const components = await listComponentsInOrder(s.ctx);
    const body = asBody(request.body);
    return submitForm(
      reply,
      body,
      async () => {
        const next = await postIncidentUpdate(s.ctx, incident.id, postUpdateInput(body, components, incident, s.page.timeZone));
        return redirectTo(reply, `/admin/incidents/${incident.id}`, next.status === 'resolved' ? 'incident-resolved' : 'incident-updated');
      },
      (form, status) => showDetail(reply, s, incident, { update: form }, status),
      incidentFieldPaths,
    );
  });

  scope.post<Params>('/incidents/:id', async (request, reply) => {
    const s = await screen(deps, request, 'post_incidents');
    const incident = await loadIncident(s, request.params.id);
    const body = asBody(request.body);
    return submitForm(
      reply,
      body,
      async () => {
        await updateIncident(s.ctx, incident.id, { name: text(body, 'name'), impactOverride: impactOverride(body) });
        return redirectTo(reply, `/admin/incidents/${incident.id}`, 'incident-edited');
      },
      (form, status) => showDetail(reply, s, incident, { edit: form }, status),
    );
  });

  scope.post<Params>('/incidents/:id/postmortem', async (request, reply) => {
    const s = await screen(deps, request, 'post_incidents');
    const incident = await loadIncident(s, request.params.id);
    const body = asBody(request.body);
    return submitForm(
      reply,
      body,
      async () => {
        if (text(body, 'body').trim() === '') throw fieldError('body', 'adminIncidents.errorPostmortemEmpty');
        await savePostmortemDraft(s.ctx, incident.id, { body: text(body, 'body') });
        return redirectTo(reply, `/admin/incidents/${incident.id}#postmortem`, 'postmortem-saved');
      },
      (form, status) => showDetail(reply, s, incident, { postmortem: form }, status),
    );
  });

  scope.post<Params>('/incidents/:id/postmortem/publish', async (request, reply) => {
    const s = await screen(deps, request, 'post_incidents');
    const incident = await loadIncident(s, request.params.id);
    await publishPostmortem(s.ctx, incident.id, { notifySubscribers: checked(asBody(request.body), 'notifySubscribers') });
    return redirectTo(reply, `/admin/incidents/${incident.id}`, 'postmortem-published');
  });

  scope.post<Params>('/incidents/:id/postmortem/revert', async (request, reply) => {
    const s = await screen(deps, request, 'post_incidents');
    const incident = await loadIncident(s, request.params.id);
    await revertPostmortem(s.ctx, incident.id);
    return redirectTo(reply, `/admin/incidents/${incident.id}`, 'postmortem-reverted');
  });

  registerEventEditRoutes(scope, deps, 'incident');
}
