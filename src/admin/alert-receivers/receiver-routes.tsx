import type { FastifyReply } from 'fastify';
import type { AppDeps } from '../../app-deps.ts';
import type { App } from '../../http/create-app.ts';
import {
  createReceiver,
  deleteReceiver,
  listReceipts,
  listReceivers,
  loadReceiver,
  rotateReceiverToken,
  updateReceiver,
  type AlertReceipt,
  type Receiver,
} from '../../modules/alerts/index.ts';
import { componentStatuses, listComponentsInOrder, type Component } from '../../modules/components/index.ts';
import { listTemplates, type IncidentTemplate } from '../../modules/templates/index.ts';
import { redirectTo, screen, show, submitForm, type Screen } from '../admin-screen.tsx';
import { asBody, emptyForm, type FormState } from '../form-values.ts';
import { Checkbox, CsrfField, Field, FormAlert, Select, TextArea } from '../view/form-fields.tsx';
import { componentStatusLabel, formatTime } from '../view/format.ts';
import { useLocale, useT } from '../view/admin-i18n.tsx';
import type { Translator } from '../../i18n/translate.ts';
import { formFromReceiver, receiverFormFields, receiverFromForm, ruleSlots } from './receiver-form.ts';

const receiverUrl = (publicUrl: string, token: string) => `${publicUrl}/alerts/${token}`;

/** The receiver's URL with what to paste into Alertmanager and Grafana; shown once, after adding or rotating. */
function UrlNotice({ url, rotated }: { url: string; rotated: boolean }) {
  const t = useT();
  const alertmanager = `receivers:
  - name: aviso
    webhook_configs:
      - url: '${url}'
        send_resolved: true
route:
  receiver: aviso`;
  return (
    <div class="notice" role="status">
      <p>{rotated ? t('adminReceivers.rotated') : t('adminReceivers.added')}</p>
      <p class="secret">{url}</p>
      <h2>Prometheus Alertmanager (alertmanager.yml)</h2>
      <pre>
        <code>{alertmanager}</code>
      </pre>
      <h2>{t('adminReceivers.grafanaHeading')}</h2>
      <pre>
        <code>{`Integration: Webhook\nURL: ${url}\nHTTP Method: POST`}</code>
      </pre>
      <p>
        {t('adminReceivers.otherTools')}{' '}
        <code>{`{"fingerprint":"disk-full","state":"firing","component":"API","status":"partial_outage","summary":"Disk full"}`}</code>{' '}
        (docs/alert-receivers.md)
      </p>
    </div>
  );
}

function Receipts({ s, receipts, names }: { s: Screen; receipts: AlertReceipt[]; names: Map<string, string> }) {
  const t = useT();
  const locale = useLocale();
  if (receipts.length === 0) return <p>{t('adminReceivers.noReceipts')}</p>;
  return (
    <div class="table-scroll" tabindex={0} role="region" aria-label={t('adminReceivers.receiptsCaption')}>
      <table>
        <caption>{t('adminReceivers.receiptsCaption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('adminReceivers.colWhen')}</th>
            <th scope="col">{t('adminReceivers.colFrom')}</th>
            <th scope="col">{t('adminReceivers.colState')}</th>
            <th scope="col">{t('adminReceivers.colAlert')}</th>
            <th scope="col">{t('adminReceivers.colMoved')}</th>
          </tr>
        </thead>
        <tbody>
          {receipts.map((r, i) => (
            <tr key={i}>
              <td>{formatTime(r.receivedAt, s.page.timeZone, locale)}</td>
              <td>{sourceLabel(t, r.format)}</td>
              <td>{r.firing ? t('adminReceivers.firing') : t('adminReceivers.resolved')}</td>
              <td>
                {r.summary ?? r.fingerprint}
                <br />
                <code class="meta">
                  {Object.entries(r.labels)
                    .map(([k, v]) => `${k}="${v}"`)
                    .join(', ')}
                </code>
              </td>
              <td>
                {r.firing
                  ? r.componentIds.map((id) => names.get(id) ?? id).join(t('adminReceivers.listSeparator')) ||
                    t('adminReceivers.movedNothing')
                  : '—'}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** Where an alert came from: the tool's own name, or plain JSON from any other. */
function sourceLabel(t: Translator, format: AlertReceipt['format']): string {
  return format === 'alertmanager' ? 'Alertmanager' : format === 'grafana' ? 'Grafana' : t('adminReceivers.sourceGeneric');
}

function ReceiverForm({
  s,
  form,
  components,
  templates,
  existing,
}: {
  s: Screen;
  form: FormState;
  components: Component[];
  templates: IncidentTemplate[];
  existing?: Receiver;
}) {
  const t = useT();
  const leaves = components.filter((c) => !c.isGroup && c.thirdParty === null);
  const slots = ruleSlots(form);
  const statusOptions = componentStatuses.map((st) => [st, componentStatusLabel(t, st)] as const);
  return (
    <>
      <FormAlert form={form} />
      <form
        method="post"
        action={existing === undefined ? '/admin/alert-receivers' : `/admin/alert-receivers/${existing.id}`}
        class="card"
        novalidate
      >
        <CsrfField token={s.session.csrfToken} />
        <Field name="name" label={t('adminReceivers.name')} form={form} required hint={t('adminReceivers.nameHint')} />
        {Array.from({ length: slots }, (_, i) => (
          <fieldset key={i}>
            <legend>{i < slots - 1 ? t('adminReceivers.rule', { number: i + 1 }) : t('adminReceivers.newRule')}</legend>
            <TextArea
              name={`rule${i}_matchers`}
              label={t('adminReceivers.matchers')}
              form={form}
              rows={2}
              hint={t('adminReceivers.matchersHint', { examples: 'service="api", env!="dev", job=~"api|web"' })}
            />
            <Select
              name={`rule${i}_componentId`}
              label={t('adminReceivers.component')}
              form={form}
              options={leaves.map((c) => [c.id, c.name] as const)}
            />
            <Field
              name={`rule${i}_severities`}
              label={t('adminReceivers.severities')}
              form={form}
              initial="critical=major_outage, warning=degraded_performance"
              hint={t('adminReceivers.severitiesHint', { statuses: componentStatuses.join(', ') })}
            />
            <Select
              name={`rule${i}_defaultStatus`}
              label={t('adminReceivers.defaultStatus')}
              form={form}
              initial="partial_outage"
              options={statusOptions}
            />
            <Checkbox
              name={`rule${i}_autoIncident`}
              label={t('adminReceivers.autoIncident')}
              form={form}
              hint={t('adminReceivers.autoIncidentHint')}
            />
            <Select
              name={`rule${i}_incidentTemplateId`}
              label={t('adminMonitors.incidentTemplate')}
              form={form}
              options={[['', t('adminMonitors.templateNone')], ...templates.map((tpl) => [tpl.id, tpl.name] as const)]}
              hint={t('adminMonitors.templateHint')}
            />
          </fieldset>
        ))}
        <button type="submit">{existing === undefined ? t('adminReceivers.add') : t('adminReceivers.save')}</button>
      </form>
    </>
  );
}

/** Alert receivers: the list, add (the URL and the snippets shown once), edit the rules, a new URL, the last alerts, delete. */
export function registerAlertReceiverRoutes(scope: App, deps: AppDeps): void {
  const renderList = async (reply: FastifyReply, s: Screen, form: FormState, status = 200, url?: string) => {
    const [receivers, components, templates] = await Promise.all([
      listReceivers(s.ctx),
      listComponentsInOrder(s.ctx),
      listTemplates(s.ctx),
    ]);
    const names = new Map(components.map((c) => [c.id as string, c.name]));
    return show(
      reply,
      s,
      s.t('adminReceivers.title'),
      'alert-receivers',
      <>
        <h1>{s.t('adminReceivers.title')}</h1>
        {url !== undefined && <UrlNotice url={url} rotated={false} />}
        {receivers.length === 0 ? (
          <p>{s.t('adminReceivers.empty')}</p>
        ) : (
          <ul class="items">
            {receivers.map((r) => (
              <li key={r.id}>
                <h3 style="margin:0">{s.can('manage_components') ? <a href={`/admin/alert-receivers/${r.id}`}>{r.name}</a> : r.name}</h3>
                <ul>
                  {r.rules.map((rule, i) => (
                    <li key={i}>
                      <code>{rule.matchers.join(', ')}</code>{' '}
                      {s.t('adminReceivers.ruleComponent', { component: names.get(rule.componentId) ?? '?' })}
                      {rule.autoIncident ? ` · ${s.t('adminReceivers.ruleAutoIncident')}` : ''}
                    </li>
                  ))}
                </ul>
              </li>
            ))}
          </ul>
        )}
        {s.can('manage_components') && (
          <>
            <h2>{s.t('adminReceivers.addTitle')}</h2>
            <ReceiverForm s={s} form={form} components={components} templates={templates} />
          </>
        )}
      </>,
      status,
    );
  };

  scope.get('/alert-receivers', async (request, reply) => renderList(reply, await screen(deps, request), emptyForm()));

  scope.post('/alert-receivers', async (request, reply) => {
    const s = await screen(deps, request, 'manage_components');
    const body = asBody(request.body);
    return submitForm(
      reply,
      body,
      async () => {
        const { token } = await createReceiver(s.ctx, receiverFromForm(body));
        return renderList(reply, s, emptyForm(), 201, receiverUrl(deps.config.publicUrl, token!));
      },
      (form, status) => renderList(reply, s, form, status),
      receiverFormFields(body),
    );
  });

  const renderEdit = async (reply: FastifyReply, s: Screen, receiver: Receiver, form: FormState, status = 200, url?: string) => {
    const [components, templates, receipts] = await Promise.all([
      listComponentsInOrder(s.ctx),
      listTemplates(s.ctx),
      listReceipts(s.ctx.db, receiver.id),
    ]);
    const names = new Map(components.map((c) => [c.id as string, c.name]));
    return show(
      reply,
      s,
      receiver.name,
      'alert-receivers',
      <>
        <h1>{receiver.name}</h1>
        {url !== undefined && <UrlNotice url={url} rotated />}
        <Receipts s={s} receipts={receipts} names={names} />
        <ReceiverForm s={s} form={form} components={components} templates={templates} existing={receiver} />
        <form method="post" action={`/admin/alert-receivers/${receiver.id}/rotate`}>
          <CsrfField token={s.session.csrfToken} />
          <p class="meta">{s.t('adminReceivers.rotateHint')}</p>
          <button type="submit">{s.t('adminReceivers.newUrl')}</button>
        </form>
        <form method="post" action={`/admin/alert-receivers/${receiver.id}/delete`}>
          <CsrfField token={s.session.csrfToken} />
          <button type="submit" class="danger">
            {s.t('admin.delete')}
          </button>
        </form>
      </>,
      status,
    );
  };

  scope.get<{ Params: { id: string } }>('/alert-receivers/:id', async (request, reply) => {
    const s = await screen(deps, request, 'manage_components');
    const receiver = await loadReceiver(s.ctx, request.params.id);
    return renderEdit(reply, s, receiver, { values: formFromReceiver(receiver), errors: {}, complete: true });
  });

  scope.post<{ Params: { id: string } }>('/alert-receivers/:id', async (request, reply) => {
    const s = await screen(deps, request, 'manage_components');
    const receiver = await loadReceiver(s.ctx, request.params.id);
    const body = asBody(request.body);
    return submitForm(
      reply,
      body,
      async () => {
        await updateReceiver(s.ctx, receiver.id, receiverFromForm(body));
        return redirectTo(reply, '/admin/alert-receivers', 'receiver-saved');
      },
      (form, status) => renderEdit(reply, s, receiver, form, status),
      receiverFormFields(body),
    );
  });

  scope.post<{ Params: { id: string } }>('/alert-receivers/:id/rotate', async (request, reply) => {
    const s = await screen(deps, request, 'manage_components');
    const token = await rotateReceiverToken(s.ctx, request.params.id);
    const receiver = await loadReceiver(s.ctx, request.params.id);
    return renderEdit(
      reply,
      s,
      receiver,
      { values: formFromReceiver(receiver), errors: {}, complete: true },
      200,
      receiverUrl(deps.config.publicUrl, token),
    );
  });

  scope.post<{ Params: { id: string } }>('/alert-receivers/:id/delete', async (request, reply) => {
    const s = await screen(deps, request, 'manage_components');
    await deleteReceiver(s.ctx, request.params.id);
    return redirectTo(reply, '/admin/alert-receivers', 'receiver-deleted');
  });
}
