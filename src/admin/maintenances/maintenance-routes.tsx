import type { FastifyReply } from 'fastify';
import type { AppDeps } from '../../app-deps.ts';
import type { App } from '../../http/create-app.ts';
import { listComponentsInOrder } from '../../modules/components/index.ts';
import {
  getIncident,
  postIncidentUpdate,
  queryIncidents,
  reviseIncident,
  scheduleMaintenance,
  type Incident,
} from '../../modules/incidents/index.ts';
import { notFound } from '../../shared/errors.ts';
import { redirectTo, screen, show, submitForm, type Screen } from '../admin-screen.tsx';
import {
  asBody,
  checked,
  emptyForm,
  FieldError,
  list,
  parseInteger,
  parseLocalDateTime,
  text,
  toLocalInput,
  type FormBody,
  type FormState,
} from '../form-values.ts';
import type { Translator } from '../../i18n/translate.ts';
import { registerEventEditRoutes } from '../incidents/event-routes.tsx';
import { incidentFieldPaths, postUpdateInput } from '../incidents/incident-form.ts';
import { MaintenanceDetail, MaintenanceForm, MaintenanceList } from './maintenance-views.tsx';

type Params = { Params: { id: string } };

/** A field's own parser, its refusal worded in the member's language. */
function inLanguage<T>(parse: () => T, field: string, message: string): T {
  try {
    return parse();
  } catch (error) {
    if (error instanceof FieldError) throw new FieldError(field, message);
    throw error;
  }
}

function scheduleInput(body: FormBody, timeZone: string, t: Translator) {
  const when = (name: string) => inLanguage(() => parseLocalDateTime(body, name, timeZone), name, t('admin.fieldDateTime'));
  const scheduledFor = when('scheduledFor');
  const scheduledUntil = when('scheduledUntil');
  if (scheduledFor === undefined) throw new FieldError('scheduledFor', t('adminMaintenances.startsRequired'));
  if (scheduledUntil === undefined) throw new FieldError('scheduledUntil', t('adminMaintenances.endsRequired'));
  return {
    name: text(body, 'name'),
    body: text(body, 'body'),
    scheduledFor,
    scheduledUntil,
    componentIds: list(body, 'componentIds'),
    remindPrior: inLanguage(() => parseInteger(body, 'remindPrior', 60), 'remindPrior', t('admin.fieldWholeNumber')),
    autoInProgress: checked(body, 'autoInProgress'),
    autoCompleted: checked(body, 'autoCompleted'),
    autoTransitionToMaintenanceState: checked(body, 'autoTransitionToMaintenanceState'),
    autoTransitionToOperationalState: checked(body, 'autoTransitionToOperationalState'),
    autoTransitionDeliverNotificationsAtStart: checked(body, 'autoTransitionDeliverNotificationsAtStart'),
    autoTransitionDeliverNotificationsAtEnd: checked(body, 'autoTransitionDeliverNotificationsAtEnd'),
    deliverNotifications: checked(body, 'deliverNotifications'),
  };
}

async function loadMaintenance(s: Screen, id: string): Promise<Incident> {
  const maintenance = await getIncident(s.ctx, id);
  if (maintenance.kind !== 'maintenance') throw notFound('maintenance', id);
  return maintenance;
}

/** Maintenance windows: list, schedule with automation, post updates, complete. */
export function registerMaintenanceRoutes(scope: App, deps: AppDeps): void {
  scope.get('/maintenances', async (request, reply) => {
    const s = await screen(deps, request);
    const current = (await queryIncidents(s.ctx, { kind: 'maintenance', statuses: ['scheduled', 'in_progress', 'verifying'] })).reverse();
    const past = await queryIncidents(s.ctx, { kind: 'maintenance', statuses: ['completed'], limit: 50 });
    return show(reply, s, s.t('adminMaintenances.title'), 'maintenances', <MaintenanceList s={s} current={current} past={past} />);
  });

  const showNew = async (reply: FastifyReply, s: Screen, form: FormState, status = 200) =>
    show(
      reply,
      s,
      s.t('adminMaintenances.schedule'),
      'maintenances',
      <MaintenanceForm s={s} form={form} components={await listComponentsInOrder(s.ctx)} maintenance={null} />,
      status,
    );

  scope.get('/maintenances/new', async (request, reply) => showNew(reply, await screen(deps, request, 'post_incidents'), emptyForm()));

  scope.post('/maintenances', async (request, reply) => {
    const s = await screen(deps, request, 'post_incidents');
    const body = asBody(request.body);
    return submitForm(
      reply,
      body,
      async () => {
        const maintenance = await scheduleMaintenance(s.ctx, scheduleInput(body, s.page.timeZone, s.t));
        return redirectTo(reply, `/admin/maintenances/${maintenance.id}`, 'maintenance-scheduled');
      },
      (form, status) => showNew(reply, s, form, status),
    );
  });

  const showDetail = async (reply: FastifyReply, s: Screen, maintenance: Incident, form?: FormState, status = 200) =>
    show(
      reply,
      s,
      maintenance.name,
      'maintenances',
      <MaintenanceDetail s={s} maintenance={maintenance} components={await listComponentsInOrder(s.ctx)} form={form} />,
      status,
    );

  scope.get<Params>('/maintenances/:id', async (request, reply) => {
    const s = await screen(deps, request);
    return showDetail(reply, s, await loadMaintenance(s, request.params.id));
  });

  scope.post<Params>('/maintenances/:id/updates', async (request, reply) => {
    const s = await screen(deps, request, 'post_incidents');
    const maintenance = await loadMaintenance(s, request.params.id);
    const components = await listComponentsInOrder(s.ctx);
    const body = asBody(request.body);
    return submitForm(
      reply,
      body,
      async () => {
        const completing = text(body, 'status') === 'completed';
        const values = completing ? body : { ...body, restore: undefined };
        await postIncidentUpdate(s.ctx, maintenance.id, postUpdateInput(values, components, maintenance, s.page.timeZone));
        return redirectTo(reply, `/admin/maintenances/${maintenance.id}`, 'maintenance-updated');
      },
      (form, status) => showDetail(reply, s, maintenance, form, status),
      incidentFieldPaths,
    );
  });

  const showEdit = async (reply: FastifyReply, s: Screen, maintenance: Incident, form: FormState, status = 200) =>
    show(
      reply,
      s,
      s.t('adminMaintenances.editTitle', { name: maintenance.name }),
      'maintenances',
      <MaintenanceForm s={s} form={form} components={await listComponentsInOrder(s.ctx)} maintenance={maintenance} />,
      status,
    );

  scope.get<Params>('/maintenances/:id/edit', async (request, reply) => {
    const s = await screen(deps, request, 'post_incidents');
    const maintenance = await loadMaintenance(s, request.params.id);
    const values = {
      name: maintenance.name,
      scheduledFor: toLocalInput(maintenance.schedule?.scheduledFor, s.page.timeZone),
      scheduledUntil: toLocalInput(maintenance.schedule?.scheduledUntil, s.page.timeZone),
    };
    return showEdit(reply, s, maintenance, emptyForm(values));
  });

  scope.post<Params>('/maintenances/:id/edit', async (request, reply) => {
    const s = await screen(deps, request, 'post_incidents');
    const maintenance = await loadMaintenance(s, request.params.id);
    const body = asBody(request.body);
    return submitForm(
      reply,
      body,
      async () => {
        const { body: _body, deliverNotifications: _notify, ...revision } = scheduleInput(body, s.page.timeZone, s.t);
        // Name, components and window change together or not at all.
        await reviseIncident(s.ctx, maintenance.id, revision);
        return redirectTo(reply, `/admin/maintenances/${maintenance.id}`, 'maintenance-updated');
      },
      (form, status) => showEdit(reply, s, maintenance, form, status),
    );
  });

  registerEventEditRoutes(scope, deps, 'maintenance');
}
