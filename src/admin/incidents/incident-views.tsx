import type { Component } from '../../modules/components/index.ts';
import { updateLabels, type Incident, type IncidentUpdate } from '../../modules/incidents/index.ts';
import type { Screen } from '../admin-screen.tsx';
import type { FormState } from '../form-values.ts';
import { eventStatusLabels, formatTime, impactLabels } from '../view/format.ts';
import { Checkbox, CsrfField, Field, FormAlert, Select, TextArea } from '../view/form-fields.tsx';
import { impactOptions, incidentStatusOptions } from './incident-fields.tsx';
import { ComponentPicker } from './component-picker.tsx';
import { updateBodyText } from '../../i18n/update-body.ts';
import { formatZone } from '../../i18n/format-dates.ts';
import { MarkdownBody, MarkdownField } from '../markdown/markdown-body.tsx';

export function ImpactBadge({ incident }: { incident: Pick<Incident, 'impact'> }) {
  return <span class={`badge i-${incident.impact}`}>{impactLabels[incident.impact]} impact</span>;
}

export function IncidentSummary({ s, incident }: { s: Screen; incident: Incident }) {
  const base = incident.kind === 'incident' ? '/admin/incidents' : '/admin/maintenances';
  const latest = incident.updates[0];
  return (
    <li>
      <h3 style="margin:0">
        <a href={`${base}/${incident.id}`}>{incident.name}</a>
      </h3>
      <p class="meta">
        {eventStatusLabels[incident.status]} · <ImpactBadge incident={incident} /> ·{' '}
        {incident.schedule
          ? `${formatTime(incident.schedule.scheduledFor, s.page.timeZone)} to ${formatTime(incident.schedule.scheduledUntil, s.page.timeZone)}`
          : `started ${formatTime(incident.startedAt, s.page.timeZone)}`}
        {latest && ` · last update ${formatTime(latest.displayAt, s.page.timeZone)}`}
      </p>
    </li>
  );
}

export function IncidentList({
  s,
  open,
  recent,
  offset,
  hasMore,
}: {
  s: Screen;
  open: Incident[];
  recent: Incident[];
  offset: number;
  hasMore: boolean;
}) {
  return (
    <>
      <h1>Incidents</h1>
      {s.can('post_incidents') && (
        <p class="actions">
          <a class="button" href="/admin/incidents/new">
            Post incident
          </a>
          <a class="button secondary" href="/admin/incidents/backfill">
            Add a past incident
          </a>
        </p>
      )}
      <h2>Open</h2>
      {open.length === 0 ? (
        <p>No open incidents.</p>
      ) : (
        <ul class="items">
          {open.map((i) => (
            <IncidentSummary key={i.id} s={s} incident={i} />
          ))}
        </ul>
      )}
      <h2>All incidents</h2>
      {recent.length === 0 ? (
        <p>No incidents yet.</p>
      ) : (
        <ul class="items">
          {recent.map((i) => (
            <IncidentSummary key={i.id} s={s} incident={i} />
          ))}
        </ul>
      )}
      <nav class="pager" aria-label="Incident pages">
        {offset > 0 && <a href={`/admin/incidents?offset=${Math.max(0, offset - 25)}`}>Newer incidents</a>}
        {hasMore && <a href={`/admin/incidents?offset=${offset + 25}`}>Older incidents</a>}
      </nav>
    </>
  );
}

/** The fields that post an incident; the dashboard shows them without the impact override. */
export function OpenIncidentFields({ form, components, full }: { form: FormState; components: Component[]; full: boolean }) {
  return (
    <>
      <Field
        name="name"
        label="Incident name"
        form={form}
        required
        hint="Visitors see this title, for example “Elevated API error rates”."
      />
      <Select name="status" label="Status" form={form} options={incidentStatusOptions} initial="investigating" />
      <TextArea name="body" label="Message" form={form} hint="Markdown. Left empty, Aviso posts the standard text for the status." />
      <ComponentPicker form={form} components={components} legend="Affected components" statusLabel="New status of the ticked components" />
      {full && (
        <Select
          name="impactOverride"
          label="Impact"
          form={form}
          options={impactOptions}
          hint="Override only when the components do not tell the whole story."
        />
      )}
      <Checkbox name="deliverNotifications" label="Notify subscribers" form={form} initial />
    </>
  );
}

export function TemplatePicker({ templates, selected }: { templates: { id: string; name: string }[]; selected: string }) {
  if (templates.length === 0) return null;
  return (
    <form method="get" action="/admin/incidents/new" class="card actions">
      <label for="template">Start from a template</label>
      <select id="template" name="template" style="width:auto">
        <option value="">Choose a template</option>
        {templates.map((t) => (
          <option key={t.id} value={t.id} selected={t.id === selected}>
            {t.name}
          </option>
        ))}
      </select>
      <button type="submit" class="secondary">
        Use template
      </button>
    </form>
  );
}

export function NewIncident({
  s,
  form,
  components,
  templates,
  template,
  suggested,
}: {
  s: Screen;
  form: FormState;
  components: Component[];
  templates: { id: string; name: string }[];
  template: string;
  /** Components the chosen template names; the operator picks their new status. */
  suggested: string[];
}) {
  return (
    <>
      <h1>Post an incident</h1>
      <TemplatePicker templates={templates} selected={template} />
      {suggested.length > 0 && (
        <p class="notice">This template is about {suggested.join(', ')}: they are ticked below; choose their new status.</p>
      )}
      <FormAlert form={form} />
      <form method="post" action="/admin/incidents" class="card" novalidate>
        <CsrfField token={s.session.csrfToken} />
        <OpenIncidentFields form={form} components={components} full />
        <div class="actions">
          <button type="submit">Post incident</button>
          <a href="/admin/incidents">Cancel</a>
        </div>
      </form>
    </>
  );
}

export function BackfillIncident({ s, form }: { s: Screen; form: FormState }) {
  return (
    <>
      <h1>Add a past incident</h1>
      <p>A backfilled incident goes straight into the history as resolved. It changes no component status and notifies nobody.</p>
      <FormAlert form={form} />
      <form method="post" action="/admin/incidents/backfill" class="card" novalidate>
        <CsrfField token={s.session.csrfToken} />
        <Field name="name" label="Incident name" form={form} required />
        <Field
          name="startedAt"
          label="When it happened"
          type="datetime-local"
          form={form}
          required
          hint={`In the page's time zone, ${formatZone('en', s.page.timeZone, s.ctx.clock.now())}.`}
        />
        <TextArea name="body" label="What happened" form={form} />
        <Select name="impactOverride" label="Impact" form={form} options={impactOptions} />
        <div class="actions">
          <button type="submit">Add to history</button>
          <a href="/admin/incidents">Cancel</a>
        </div>
      </form>
    </>
  );
}

export function UpdateList({ s, incident }: { s: Screen; incident: Incident }) {
  const labels = updateLabels(incident.updates);
  const base = incident.kind === 'incident' ? '/admin/incidents' : '/admin/maintenances';
  return (
    <ol class="card" style="list-style:none;padding:0 1rem" aria-label="Updates, newest first">
      {incident.updates.map((u: IncidentUpdate, index) => {
        const label = labels[index] ?? u.status;
        return (
          <li class="update" key={u.id}>
            <p style="margin:0">
              <strong>{label === 'update' ? 'Update' : eventStatusLabels[label]}</strong>{' '}
              <span class="meta">· {formatTime(u.displayAt, s.page.timeZone)}</span>
              {!u.deliverNotifications && <span class="meta"> · no notification</span>}
            </p>
            <MarkdownBody source={updateBodyText(u, s.page.defaultLocale)} />
            {u.affectedComponents.length > 0 && (
              <p class="meta">
                {u.affectedComponents
                  .map((a) => `${a.name}: ${a.oldStatus.replace(/_/g, ' ')} → ${a.newStatus.replace(/_/g, ' ')}`)
                  .join('; ')}
              </p>
            )}
            {s.can('post_incidents') && (
              <a href={`${base}/${incident.id}/updates/${u.id}/edit`}>
                Edit<span class="sr-only"> the update of {formatTime(u.displayAt, s.page.timeZone)}</span>
              </a>
            )}
          </li>
        );
      })}
    </ol>
  );
}

export function EditUpdate({ s, incident, update, form }: { s: Screen; incident: Incident; update: IncidentUpdate; form: FormState }) {
  const base = incident.kind === 'incident' ? '/admin/incidents' : '/admin/maintenances';
  return (
    <>
      <p>
        <a href={`${base}/${incident.id}`}>← {incident.name}</a>
      </p>
      <h1>Correct an update</h1>
      <p>The status and component changes stay as posted; the text and the time shown can be corrected.</p>
      <FormAlert form={form} />
      <form method="post" action={`${base}/${incident.id}/updates/${update.id}`} class="card" novalidate>
        <CsrfField token={s.session.csrfToken} />
        <MarkdownField name="body" label="Message" form={form} rows={6} required />
        <Field
          name="displayAt"
          label="Shown at"
          type="datetime-local"
          form={form}
          required
          hint={`In the page's time zone, ${formatZone('en', s.page.timeZone, s.ctx.clock.now())}.`}
        />
        <div class="actions">
          <button type="submit">Save</button>
          <a href={`${base}/${incident.id}`}>Cancel</a>
        </div>
      </form>
    </>
  );
}

export function ConfirmDeleteIncident({ s, incident }: { s: Screen; incident: Incident }) {
  const base = incident.kind === 'incident' ? '/admin/incidents' : '/admin/maintenances';
  return (
    <>
      <h1>Delete “{incident.name}”?</h1>
      <div class="card">
        <p>It disappears from the page and the history with all its updates. Component status history is kept. This cannot be undone.</p>
        <form method="post" action={`${base}/${incident.id}/delete`} class="actions">
          <CsrfField token={s.session.csrfToken} />
          <button type="submit" class="danger">
            Delete
          </button>
          <a href={`${base}/${incident.id}`}>Keep it</a>
        </form>
      </div>
    </>
  );
}
