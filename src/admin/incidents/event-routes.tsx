import type { AppDeps } from '../../app-deps.ts';
import type { App } from '../../http/create-app.ts';
import { deleteIncident, editIncidentUpdate, getIncident, type IncidentKind } from '../../modules/incidents/index.ts';
import { notFound } from '../../shared/errors.ts';
import { redirectTo, screen, show, submitForm } from '../admin-screen.tsx';
import { asBody, emptyForm, parseLocalDateTime, text, toLocalInput } from '../form-values.ts';
import { fieldError } from './incident-form.ts';
import { ConfirmDeleteIncident, EditUpdate } from './incident-views.tsx';
import { updateBodyText } from '../../i18n/update-body.ts';

type UpdateParams = { Params: { id: string; updateId: string } };

/** Correcting an update and deleting the event work the same for incidents and maintenances. */
export function registerEventEditRoutes(scope: App, deps: AppDeps, kind: IncidentKind): void {
  const base = kind === 'incident' ? '/incidents' : '/maintenances';
  const section = kind === 'incident' ? 'incidents' : 'maintenances';
  const load = async (ctx: Parameters<typeof getIncident>[0], id: string) => {
    const event = await getIncident(ctx, id);
    if (event.kind !== kind) throw notFound(kind, id);
    return event;
  };

  scope.get<UpdateParams>(`${base}/:id/updates/:updateId/edit`, async (request, reply) => {
    const s = await screen(deps, request, 'post_incidents');
    const event = await load(s.ctx, request.params.id);
    const update = event.updates.find((u) => u.id === request.params.updateId);
    if (update === undefined) throw notFound('incident_update', request.params.updateId);
    const form = emptyForm({
      body: updateBodyText(update, s.locale),
      displayAt: toLocalInput(update.displayAt, s.page.timeZone),
    });
    return show(
      reply,
      s,
      s.t('adminIncidents.editUpdateTitle'),
      section,
      <EditUpdate s={s} incident={event} update={update} form={form} />,
    );
  });

  scope.post<UpdateParams>(`${base}/:id/updates/:updateId`, async (request, reply) => {
    const s = await screen(deps, request, 'post_incidents');
    const event = await load(s.ctx, request.params.id);
    const update = event.updates.find((u) => u.id === request.params.updateId);
    if (update === undefined) throw notFound('incident_update', request.params.updateId);
    const body = asBody(request.body);
    return submitForm(
      reply,
      body,
      async () => {
        const displayAt = parseLocalDateTime(body, 'displayAt', s.page.timeZone);
        if (displayAt === undefined) throw fieldError('displayAt', 'adminIncidents.errorDisplayAt');
        // Aviso's own sentence, left as shown (in the member's language), stays Aviso's: it keeps being worded in each reader's language.
        const written = text(body, 'body');
        const unchanged = update.generatedBody !== null && written === updateBodyText(update, s.locale);
        await editIncidentUpdate(s.ctx, event.id, update.id, { ...(!unchanged && { body: written }), displayAt });
        return redirectTo(reply, `/admin${base}/${event.id}`, 'update-edited');
      },
      (form, status) =>
        show(
          reply,
          s,
          s.t('adminIncidents.editUpdateTitle'),
          section,
          <EditUpdate s={s} incident={event} update={update} form={form} />,
          status,
        ),
    );
  });

  scope.get<{ Params: { id: string } }>(`${base}/:id/delete`, async (request, reply) => {
    const s = await screen(deps, request, 'post_incidents');
    const event = await load(s.ctx, request.params.id);
    return show(
      reply,
      s,
      s.t('adminIncidents.deleteScreenTitle', { name: event.name }),
      section,
      <ConfirmDeleteIncident s={s} incident={event} />,
    );
  });

  scope.post<{ Params: { id: string } }>(`${base}/:id/delete`, async (request, reply) => {
    const s = await screen(deps, request, 'post_incidents');
    const event = await load(s.ctx, request.params.id);
    await deleteIncident(s.ctx, event.id);
    return redirectTo(reply, `/admin${base}`, kind === 'incident' ? 'incident-deleted' : 'maintenance-deleted');
  });
}
