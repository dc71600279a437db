import type { Component } from '../../modules/components/index.ts';
import { isResolved, type Incident } from '../../modules/incidents/index.ts';
import type { Screen } from '../admin-screen.tsx';
import type { FormState } from '../form-values.ts';
import { eventStatusLabels, formatTime } from '../view/format.ts';
import { Checkbox, CsrfField, Field, FormAlert, Select, TextArea } from '../view/form-fields.tsx';
import { impactOptions, incidentStatusOptions } from './incident-fields.tsx';
import { ComponentUpdates } from './component-picker.tsx';
import { ImpactBadge, UpdateList } from './incident-views.tsx';
import { MarkdownBody, MarkdownField } from '../markdown/markdown-body.tsx';

export interface DetailForms {
  update?: FormState;
  edit?: FormState;
  postmortem?: FormState;
}

export function IncidentDetail({
  s,
  incident,
  components,
  forms,
}: {
  s: Screen;
  incident: Incident;
  components: Component[];
  forms: DetailForms;
}) {
  const canPost = s.can('post_incidents');
  const updateForm: FormState = { ...(forms.update ?? { values: {}, errors: {} }), scope: 'update' };
  const resolveForm: FormState = { values: {}, errors: {}, scope: 'resolve' };
  const resolved = isResolved(incident);
  const attached = components.filter((c) => incident.componentIds.includes(c.id));
  return (
    <>
      <p>
        <a href="/admin/incidents">← All incidents</a>
      </p>
      <h1>{incident.name}</h1>
      <p>
        {eventStatusLabels[incident.status]} · <ImpactBadge incident={incident} />
        {incident.impactOverride && ' (set by hand)'} · started {formatTime(incident.startedAt, s.page.timeZone)}
        {incident.resolvedAt && ` · resolved ${formatTime(incident.resolvedAt, s.page.timeZone)}`}
        {incident.backfilled && ' · backfilled'}
      </p>
      {attached.length > 0 && <p>Affects: {attached.map((c) => c.name).join(', ')}</p>}
      {canPost && incident.status !== 'postmortem' && (
        <section aria-labelledby="post-update">
          <h2 id="post-update">Post an update</h2>
          <FormAlert form={forms.update && updateForm} />
          <form method="post" action={`/admin/incidents/${incident.id}/updates`} class="card" novalidate>
            <CsrfField token={s.session.csrfToken} />
            <Select
              name="status"
              label="Status"
              form={updateForm}
              options={incidentStatusOptions}
              initial={resolved ? 'resolved' : incident.status}
            />
            <MarkdownField
              name="body"
              label="Message"
              form={updateForm}
              hint="Markdown. Left empty, Aviso posts the standard text for the status."
            />
            <ComponentUpdates
              form={updateForm}
              components={components}
              affected={incident.componentIds}
              ownLegend="Components of this incident"
            />
            <Checkbox name="deliverNotifications" label="Notify subscribers" form={updateForm} initial />
            <button type="submit">Post update</button>
          </form>
          {!resolved && (
            <form method="post" action={`/admin/incidents/${incident.id}/updates`} class="card" novalidate>
              <h3 style="margin-top:0">Resolve</h3>
              <CsrfField token={s.session.csrfToken} />
              <input type="hidden" name="status" value="resolved" />
              <TextArea
                name="body"
                label="Resolution message"
                form={resolveForm}
                rows={3}
                hint="Left empty: “This incident has been resolved.”"
              />
              <Checkbox name="restore" label="Set the affected components back to operational" form={resolveForm} initial />
              <Checkbox name="deliverNotifications" label="Notify subscribers" form={resolveForm} initial />
              <button type="submit">Resolve incident</button>
            </form>
          )}
        </section>
      )}
      <section aria-labelledby="updates">
        <h2 id="updates">Updates</h2>
        <UpdateList s={s} incident={incident} />
      </section>
      {canPost && resolved && <PostmortemSection s={s} incident={incident} form={forms.postmortem} />}
      {canPost && <EditIncident s={s} incident={incident} form={forms.edit} />}
    </>
  );
}

function PostmortemSection({ s, incident, form }: { s: Screen; incident: Incident; form: FormState | undefined }) {
  const pm = incident.postmortem;
  const state: FormState = { ...(form ?? { values: { body: pm.draft ?? pm.body ?? '' }, errors: {} }), scope: 'postmortem' };
  return (
    <section aria-labelledby="postmortem">
      <h2 id="postmortem">Postmortem</h2>
      <p>
        {pm.publishedAt
          ? `Published ${formatTime(pm.publishedAt, s.page.timeZone)}.`
          : pm.draft
            ? 'Draft, not yet visible to visitors.'
            : 'Not written yet.'}
      </p>
      <FormAlert form={form && state} />
      {pm.publishedAt === null ? (
        <>
          <form method="post" action={`/admin/incidents/${incident.id}/postmortem`} class="card" novalidate>
            <CsrfField token={s.session.csrfToken} />
            <MarkdownField name="body" label="Postmortem (Markdown)" form={state} rows={10} />
            <button type="submit">Save draft</button>
          </form>
          {pm.draft && (
            <form method="post" action={`/admin/incidents/${incident.id}/postmortem/publish`} class="card">
              <CsrfField token={s.session.csrfToken} />
              <Checkbox name="notifySubscribers" label="Notify subscribers" form={{ values: {}, errors: {}, scope: 'publish' }} />
              <button type="submit">Publish postmortem</button>
            </form>
          )}
        </>
      ) : (
        <div class="card">
          <MarkdownBody source={pm.body ?? ''} />
          <form method="post" action={`/admin/incidents/${incident.id}/postmortem/revert`}>
            <CsrfField token={s.session.csrfToken} />
            <button type="submit" class="secondary">
              Revert to draft
            </button>
          </form>
        </div>
      )}
    </section>
  );
}

function EditIncident({ s, incident, form }: { s: Screen; incident: Incident; form: FormState | undefined }) {
  const state: FormState = {
    ...(form ?? { values: { name: incident.name, impactOverride: incident.impactOverride ?? '' }, errors: {} }),
    scope: 'edit',
  };
  return (
    <section aria-labelledby="edit-incident">
      <h2 id="edit-incident">Edit incident</h2>
      <FormAlert form={form && state} />
      <form method="post" action={`/admin/incidents/${incident.id}`} class="card" novalidate>
        <CsrfField token={s.session.csrfToken} />
        <Field name="name" label="Name" form={state} required />
        <Select name="impactOverride" label="Impact" form={state} options={impactOptions} />
        <div class="actions">
          <button type="submit">Save</button>
          <a href={`/admin/incidents/${incident.id}/delete`}>Delete this incident</a>
        </div>
      </form>
    </section>
  );
}
