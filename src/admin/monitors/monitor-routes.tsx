import type { FastifyReply } from 'fastify';
import type { AppDeps } from '../../app-deps.ts';
import type { App } from '../../http/create-app.ts';
import { listComponentsInOrder } from '../../modules/components/index.ts';
import {
  createMonitor,
  deleteMonitor,
  getMonitor,
  listMonitors,
  listSparklines,
  monitorClients,
  rotatePushToken,
  testMonitor,
  updateMonitor,
  type CheckResult,
  type MonitorKind,
  type MonitorView,
} from '../../modules/monitors/index.ts';
import { listTemplates } from '../../modules/templates/index.ts';
import { redirectTo, screen, show, submitForm, type Screen } from '../admin-screen.tsx';
import { asBody, emptyForm, text, type FormState } from '../form-values.ts';
import { CsrfField } from '../view/form-fields.tsx';
import { formFromMonitor, monitorFormFields, monitorFromForm } from './monitor-form.ts';
import { MonitorForm, MonitorList } from './monitor-views.tsx';

/** Monitors: the list with each one's last result, add, edit, pause or resume, test now, delete. */
export function registerMonitorRoutes(scope: App, deps: AppDeps): void {
  const clients = monitorClients(deps.outbound);
  const renderList = async (
    reply: FastifyReply,
    s: Screen,
    form: FormState,
    status = 200,
    extra: { tested?: { id: string; result: CheckResult }; pushUrl?: string } = {},
  ) => {
    const [components, templates] = await Promise.all([listComponentsInOrder(s.ctx), listTemplates(s.ctx)]);
    return show(
      reply,
      s,
      s.t('adminMonitors.title'),
      'monitors',
      <>
        <h1>{s.t('adminMonitors.title')}</h1>
        {extra.pushUrl !== undefined && (
          <div class="notice" role="status">
            <p>{s.t('adminMonitors.heartbeatAdded')}</p>
            <p class="secret">{extra.pushUrl}</p>
            <p>
              {s.t('adminMonitors.example')} <code>curl -fsS {extra.pushUrl}</code>
            </p>
          </div>
        )}
        <MonitorList
          s={s}
          views={await listMonitors(s.ctx)}
          sparklines={await listSparklines(s.ctx)}
          components={components}
          {...(extra.tested && { tested: extra.tested })}
        />
        {s.can('manage_components') && (
          <>
            <h2>{s.t('adminMonitors.addTitle')}</h2>
            <MonitorForm s={s} form={form} components={components} templates={templates} />
          </>
        )}
      </>,
      status,
    );
  };

  scope.get('/monitors', async (request, reply) => renderList(reply, await screen(deps, request), emptyForm()));

  scope.post('/monitors', async (request, reply) => {
    const s = await screen(deps, request, 'manage_components');
    const body = asBody(request.body);
    return submitForm(
      reply,
      body,
      async () => {
        const kind = text(body, 'kind') as MonitorKind;
        const { pushToken } = await createMonitor(
          s.ctx,
          { ...monitorFromForm(body, kind), kind },
          { mayAllowPrivate: s.can('manage_page') },
        );
        if (pushToken !== null)
          return renderList(reply, s, emptyForm(), 201, { pushUrl: `${deps.config.publicUrl}/heartbeat/${pushToken}` });
        return redirectTo(reply, '/admin/monitors', 'monitor-saved');
      },
      (form, status) => renderList(reply, s, form, status),
      monitorFormFields,
    );
  });

  const renderEdit = async (reply: FastifyReply, s: Screen, view: MonitorView, form: FormState, status = 200, pushUrl?: string) =>
    show(
      reply,
      s,
      view.monitor.name,
      'monitors',
      <>
        <h1>{view.monitor.name}</h1>
        {pushUrl !== undefined && (
          <div class="notice" role="status">
            <p>{s.t('adminMonitors.heartbeatRotated')}</p>
            <p class="secret">{pushUrl}</p>
            <p>
              {s.t('adminMonitors.example')} <code>curl -fsS {pushUrl}</code>
            </p>
          </div>
        )}
        <MonitorForm
          s={s}
          form={form}
          components={await listComponentsInOrder(s.ctx)}
          templates={await listTemplates(s.ctx)}
          existing={view.monitor}
        />
        {view.monitor.kind === 'heartbeat' && (
          <form method="post" action={`/admin/monitors/${view.monitor.id}/rotate`}>
            <CsrfField token={s.session.csrfToken} />
            <p class="meta">{s.t('adminMonitors.rotateHint')}</p>
            <button type="submit">{s.t('adminMonitors.newUrl')}</button>
          </form>
        )}
        <form method="post" action={`/admin/monitors/${view.monitor.id}/delete`}>
          <CsrfField token={s.session.csrfToken} />
          <button type="submit" class="danger">
            {s.t('admin.delete')}
          </button>
        </form>
      </>,
      status,
    );

  scope.get<{ Params: { id: string } }>('/monitors/:id', async (request, reply) => {
    const s = await screen(deps, request, 'manage_components');
    const view = await getMonitor(s.ctx, request.params.id);
    return renderEdit(reply, s, view, { values: formFromMonitor(view.monitor), errors: {}, complete: true });
  });

  scope.post<{ Params: { id: string } }>('/monitors/:id', async (request, reply) => {
    const s = await screen(deps, request, 'manage_components');
    const view = await getMonitor(s.ctx, request.params.id);
    const body = asBody(request.body);
    return submitForm(
      reply,
      body,
      async () => {
        await updateMonitor(s.ctx, view.monitor.id, monitorFromForm(body, view.monitor.kind), {
          mayAllowPrivate: s.can('manage_page'),
        });
        return redirectTo(reply, '/admin/monitors', 'monitor-saved');
      },
      (form, status) => renderEdit(reply, s, view, form, status),
      monitorFormFields,
    );
  });

  for (const [action, paused] of [
    ['pause', true],
    ['resume', false],
  ] as const) {
    scope.post<{ Params: { id: string } }>(`/monitors/:id/${action}`, async (request, reply) => {
      const s = await screen(deps, request, 'manage_components');
      await updateMonitor(s.ctx, request.params.id, { paused }, { mayAllowPrivate: s.can('manage_page') });
      return redirectTo(reply, '/admin/monitors', paused ? 'monitor-paused' : 'monitor-resumed');
    });
  }

  scope.post<{ Params: { id: string } }>('/monitors/:id/rotate', async (request, reply) => {
    const s = await screen(deps, request, 'manage_components');
    const pushToken = await rotatePushToken(s.ctx, request.params.id);
    const view = await getMonitor(s.ctx, request.params.id);
    const form = { values: formFromMonitor(view.monitor), errors: {}, complete: true };
    return renderEdit(reply, s, view, form, 200, `${deps.config.publicUrl}/heartbeat/${pushToken}`);
  });

  scope.post<{ Params: { id: string } }>('/monitors/:id/test', async (request, reply) => {
    const s = await screen(deps, request, 'manage_components');
    const result = await testMonitor(s.ctx, request.params.id, clients);
    return renderList(reply, s, emptyForm(), 200, { tested: { id: request.params.id, result } });
  });

  scope.post<{ Params: { id: string } }>('/monitors/:id/delete', async (request, reply) => {
    const s = await screen(deps, request, 'manage_components');
    await deleteMonitor(s.ctx, request.params.id);
    return redirectTo(reply, '/admin/monitors', 'monitor-deleted');
  });
}
