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
import { formatTime } from '../view/format.ts';
import { formFromReceiver, receiverFormFields, receiverFromForm, ruleSlots } from './receiver-form.ts';

const receiverUrl = (publicUrl: string, token: string) => `${publicUrl}/alerts/${token}`;

/** The receiver's URL with what to paste into Alertmanager and Grafana; shown once, after adding or rotating. */
function UrlNotice({ url, rotated }: { url: string; rotated: boolean }) {
  const alertmanager = `receivers:
  - name: aviso
    webhook_configs:
      - url: '${url}'
        send_resolved: true
route:
  receiver: aviso`;
  return (
    <div class="notice" role="status">
      <p>
        {rotated ? 'The receiver has a new URL; the old one no longer works. ' : 'The receiver is added. '}
        Copy its URL now: it is shown only once.
      </p>
      <p class="secret">{url}</p>
      <h2>Prometheus Alertmanager (alertmanager.yml)</h2>
      <pre>
        <code>{alertmanager}</code>
      </pre>
      <h2>Grafana alerting (contact point)</h2>
      <pre>
        <code>{`Integration: Webhook\nURL: ${url}\nHTTP Method: POST`}</code>
      </pre>
      <p>
        Any other tool can post JSON such as{' '}
        <code>{`{"fingerprint":"disk-full","state":"firing","component":"API","status":"partial_outage","summary":"Disk full"}`}</code>{' '}
        (docs/alert-receivers.md).
      </p>
    </div>
  );
}

function Receipts({ s, receipts, names }: { s: Screen; receipts: AlertReceipt[]; names: Map<string, string> }) {
  if (receipts.length === 0) return <p>No alert has arrived yet.</p>;
  return (
    <div class="table-scroll" tabindex={0} role="region" aria-label="Last alerts received">
      <table>
        <caption>Last alerts received</caption>
        <thead>
          <tr>
            <th scope="col">When</th>
            <th scope="col">From</th>
            <th scope="col">State</th>
            <th scope="col">Alert</th>
            <th scope="col">Moved</th>
          </tr>
        </thead>
        <tbody>
          {receipts.map((r, i) => (
            <tr key={i}>
              <td>{formatTime(r.receivedAt, s.page.timeZone)}</td>
              <td>{r.format}</td>
              <td>{r.firing ? 'firing' : 'resolved'}</td>
              <td>
                {r.summary ?? r.fingerprint}
                <br />
                <code class="meta">
                  {Object.entries(r.labels)
                    .map(([k, v]) => `${k}="${v}"`)
                    .join(', ')}
                </code>
              </td>
              <td>{r.firing ? r.componentIds.map((id) => names.get(id) ?? id).join(', ') || 'nothing (no rule matched)' : '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

const statusOptions = componentStatuses.map((st) => [st, st.replace(/_/g, ' ')] as const);

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
  const leaves = components.filter((c) => !c.isGroup && c.thirdParty === null);
  const slots = ruleSlots(form);
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
        <Field name="name" label="Name" form={form} required hint="For example the Alertmanager or Grafana it listens to." />
        {Array.from({ length: slots }, (_, i) => (
          <fieldset key={i}>
            <legend>{i < slots - 1 ? `Rule ${i + 1}` : 'New rule'}</legend>
            <TextArea
              name={`rule${i}_matchers`}
              label="Label matchers, one a line (all must hold)"
              form={form}
              rows={2}
              hint='As in Prometheus: service="api", env!="dev", job=~"api|web". Empty the box to remove the rule.'
            />
            <Select name={`rule${i}_componentId`} label="Component" form={form} options={leaves.map((c) => [c.id, c.name] as const)} />
            <Field
              name={`rule${i}_severities`}
              label="Severity → status"
              form={form}
              initial="critical=major_outage, warning=degraded_performance"
              hint={`Values of the severity label, each with a status: ${componentStatuses.join(', ')}.`}
            />
            <Select
              name={`rule${i}_defaultStatus`}
              label="Status for any other severity"
              form={form}
              initial="partial_outage"
              options={statusOptions}
            />
            <Checkbox
              name={`rule${i}_autoIncident`}
              label="Post an incident automatically"
              form={form}
              hint="Updated as the alerts change and resolved when they all resolve, until someone edits or posts on it."
            />
            <Select
              name={`rule${i}_incidentTemplateId`}
              label="Incident template"
              form={form}
              options={[['', 'None (Aviso writes it)'], ...templates.map((t) => [t.id, t.name] as const)]}
              hint="Its title, text, status and notification setting are used for the automatic incident."
            />
          </fieldset>
        ))}
        <button type="submit">{existing === undefined ? 'Add receiver' : 'Save receiver'}</button>
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
      'Alert receivers',
      'alert-receivers',
      <>
        <h1>Alert receivers</h1>
        {url !== undefined && <UrlNotice url={url} rotated={false} />}
        {receivers.length === 0 ? (
          <p>
            No receivers yet. A receiver is a secret URL Alertmanager, Grafana or any tool posts alerts to; its rules say which component
            they move.
          </p>
        ) : (
          <ul class="items">
            {receivers.map((r) => (
              <li key={r.id}>
                <h3 style="margin:0">{s.can('manage_components') ? <a href={`/admin/alert-receivers/${r.id}`}>{r.name}</a> : r.name}</h3>
                <ul>
                  {r.rules.map((rule, i) => (
                    <li key={i}>
                      <code>{rule.matchers.join(', ')}</code> → “{names.get(rule.componentId) ?? '?'}”
                      {rule.autoIncident ? ' · automatic incident' : ''}
                    </li>
                  ))}
                </ul>
              </li>
            ))}
          </ul>
        )}
        {s.can('manage_components') && (
          <>
            <h2>Add a receiver</h2>
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
          <p class="meta">
            The URL is shown only when it is made. A new one stops the old one at once: update Alertmanager or Grafana with it.
          </p>
          <button type="submit">New URL</button>
        </form>
        <form method="post" action={`/admin/alert-receivers/${receiver.id}/delete`}>
          <CsrfField token={s.session.csrfToken} />
          <button type="submit" class="danger">
            Delete
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
