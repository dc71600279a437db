import type { FastifyReply } from 'fastify';
import type { AppDeps } from '../../app-deps.ts';
import type { App } from '../../http/create-app.ts';
import { listComponentsInOrder } from '../../modules/components/index.ts';
import type { UpdateStatus } from '../../modules/incidents/index.ts';
import {
  createTemplate,
  deleteTemplate,
  getTemplate,
  listTemplates,
  updateTemplate,
  type IncidentTemplate,
} from '../../modules/templates/index.ts';
import { redirectTo, screen, show, submitForm, type Screen } from '../admin-screen.tsx';
import { asBody, checked, emptyForm, list, text, type FormBody, type FormState } from '../form-values.ts';
import { ConfirmDeleteTemplate, TemplateForm, TemplateList } from './template-views.tsx';

type Params = { Params: { id: string } };

function templateInput(body: FormBody) {
  return {
    name: text(body, 'name'),
    title: text(body, 'title'),
    body: text(body, 'body'),
    updateStatus: text(body, 'updateStatus') as UpdateStatus,
    componentIds: list(body, 'componentIds'),
    shouldSendNotifications: checked(body, 'shouldSendNotifications'),
  };
}

function templateValues(t: IncidentTemplate): FormBody {
  return {
    name: t.name,
    title: t.title,
    body: t.body,
    updateStatus: t.updateStatus,
    componentIds: t.componentIds,
    ...(t.shouldSendNotifications && { shouldSendNotifications: 'on' }),
  };
}

/** Incident templates: list, create, edit, delete; used from the "open an incident" form. */
export function registerTemplateRoutes(scope: App, deps: AppDeps): void {
  const showForm = async (reply: FastifyReply, s: Screen, form: FormState, template: IncidentTemplate | null, status = 200) =>
    show(
      reply,
      s,
      template ? s.t('adminTemplates.editTitle', { name: template.name }) : s.t('adminTemplates.new'),
      'templates',
      <TemplateForm s={s} form={form} template={template} components={await listComponentsInOrder(s.ctx)} />,
      status,
    );

  scope.get('/templates', async (request, reply) => {
    const s = await screen(deps, request);
    return show(reply, s, s.t('admin.navTemplates'), 'templates', <TemplateList s={s} templates={await listTemplates(s.ctx)} />);
  });

  scope.get('/templates/new', async (request, reply) => showForm(reply, await screen(deps, request, 'post_incidents'), emptyForm(), null));

  scope.post('/templates', async (request, reply) => {
    const s = await screen(deps, request, 'post_incidents');
    const body = asBody(request.body);
    return submitForm(
      reply,
      body,
      async () => {
        await createTemplate(s.ctx, templateInput(body));
        return redirectTo(reply, '/admin/templates', 'template-saved');
      },
      (form, status) => showForm(reply, s, form, null, status),
    );
  });

  scope.get<Params>('/templates/:id/edit', async (request, reply) => {
    const s = await screen(deps, request, 'post_incidents');
    const template = await getTemplate(s.ctx, request.params.id);
    return showForm(reply, s, { values: templateValues(template), errors: {}, complete: true }, template);
  });

  scope.post<Params>('/templates/:id', async (request, reply) => {
    const s = await screen(deps, request, 'post_incidents');
    const template = await getTemplate(s.ctx, request.params.id);
    const body = asBody(request.body);
    return submitForm(
      reply,
      body,
      async () => {
        await updateTemplate(s.ctx, template.id, templateInput(body));
        return redirectTo(reply, '/admin/templates', 'template-saved');
      },
      (form, status) => showForm(reply, s, form, template, status),
    );
  });

  scope.get<Params>('/templates/:id/delete', async (request, reply) => {
    const s = await screen(deps, request, 'post_incidents');
    const template = await getTemplate(s.ctx, request.params.id);
    return show(
      reply,
      s,
      s.t('adminIncidents.deleteScreenTitle', { name: template.name }),
      'templates',
      <ConfirmDeleteTemplate s={s} template={template} />,
    );
  });

  scope.post<Params>('/templates/:id/delete', async (request, reply) => {
    const s = await screen(deps, request, 'post_incidents');
    await deleteTemplate(s.ctx, request.params.id);
    return redirectTo(reply, '/admin/templates', 'template-deleted');
  });
}
