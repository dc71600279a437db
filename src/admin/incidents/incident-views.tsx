import type { Component } from '../../modules/components/index.ts';
import { updateLabels, type Incident, type IncidentUpdate } from '../../modules/incidents/index.ts';
import type { Screen } from '../admin-screen.tsx';
import type { FormState } from '../form-values.ts';
import { componentStatusLabel, eventStatusLabel, formatTime, impactLabel } from '../view/format.ts';
import { Checkbox, CsrfField, Field, FormAlert, Select, TextArea } from '../view/form-fields.tsx';
import { impactOptionsIn, incidentStatusOptionsIn } from './incident-fields.tsx';
import { useLocale, useT } from '../view/admin-i18n.tsx';
import { ComponentPicker } from './component-picker.tsx';
import { updateBodyText } from '../../i18n/update-body.ts';
import { formatZone } from '../../i18n/format-dates.ts';
import { MarkdownBody, MarkdownField } from '../markdown/markdown-body.tsx';

export function ImpactBadge({ incident }: { incident: Pick<Incident, 'impact'> }) {
  const t = useT();
  return <span class={`badge i-${incident.impact}`}>{impactLabel(t, incident.impact)}</span>;
}

export function IncidentSummary({ s, incident }: { s: Screen; incident: Incident }) {
  const base = incident.kind === 'incident' ? '/admin/incidents' : '/admin/maintenances';
  const latest = incident.updates[0];
  const t = useT();
  const locale = useLocale();
  const time = (date: Date) => formatTime(date, s.page.timeZone, locale);
  return (
    <li>
      <h3 style="margin:0">
        <a href={`${base}/${incident.id}`}>{incident.name}</a>
      </h3>
      <p class="meta">
        {eventStatusLabel(t, incident.status)} · <ImpactBadge incident={incident} /> ·{' '}
        {incident.schedule
          ? t('adminIncidents.scheduleRange', {
              start: time(incident.schedule.scheduledFor),
              end: time(incident.schedule.scheduledUntil),
            })
          : t('adminIncidents.startedAt', { time: time(incident.startedAt) })}
        {latest && ` · ${t('adminIncidents.lastUpdate', { time: time(latest.displayAt) })}`}
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
  const t = useT();
  return (
    <>
      <h1>{t('adminIncidents.title')}</h1>
      {s.can('post_incidents') && (
        <p class="actions">
          <a class="button" href="/admin/incidents/new">
            {t('admin.postIncident')}
          </a>
          <a class="button secondary" href="/admin/incidents/backfill">
            {t('adminIncidents.backfillTitle')}
          </a>
        </p>
      )}
      <h2>{t('adminIncidents.openHeading')}</h2>
      {open.length === 0 ? (
        <p>{t('adminIncidents.noneOpen')}</p>
      ) : (
        <ul class="items">
          {open.map((i) => (
            <IncidentSummary key={i.id} s={s} incident={i} />
          ))}
        </ul>
      )}
      <h2>{t('adminIncidents.allHeading')}</h2>
      {recent.length === 0 ? (
        <p>{t('adminIncidents.noneYet')}</p>
      ) : (
        <ul class="items">
          {recent.map((i) => (
            <IncidentSummary key={i.id} s={s} incident={i} />
          ))}
        </ul>
      )}
      <nav class="pager" aria-label={t('adminIncidents.pagesLabel')}>
        {offset > 0 && <a href={`/admin/incidents?offset=${Math.max(0, offset - 25)}`}>{t('adminIncidents.newer')}</a>}
        {hasMore && <a href={`/admin/incidents?offset=${offset + 25}`}>{t('adminIncidents.older')}</a>}
      </nav>
    </>
  );
}

/** The fields that post an incident; the dashboard shows them without the impact override. */
export function OpenIncidentFields({ form, components, full }: { form: FormState; components: Component[]; full: boolean }) {
  const t = useT();
  return (
    <>
      <Field name="name" label={t('adminIncidents.nameLabel')} form={form} required hint={t('adminIncidents.nameHint')} />
      <Select
        name="status"
        label={t('adminIncidents.statusLabel')}
        form={form}
        options={incidentStatusOptionsIn(t)}
        initial="investigating"
      />
      <TextArea name="body" label={t('adminIncidents.messageLabel')} form={form} hint={t('adminIncidents.messageHint')} />
      <ComponentPicker
        form={form}
        components={components}
        legend={t('adminIncidents.affectedComponents')}
        statusLabel={t('adminIncidents.tickedStatus')}
      />
      {full && (
        <Select
          name="impactOverride"
          label={t('adminIncidents.impactLabel')}
          form={form}
          options={impactOptionsIn(t)}
          hint={t('adminIncidents.impactHint')}
        />
      )}
      <Checkbox name="deliverNotifications" label={t('adminIncidents.notifySubscribers')} form={form} initial />
    </>
  );
}

export function TemplatePicker({ templates, selected }: { templates: { id: string; name: string }[]; selected: string }) {
  const t = useT();
  if (templates.length === 0) return null;
  return (
    <form method="get" action="/admin/incidents/new" class="card actions">
      <label for="template">{t('adminIncidents.templateLabel')}</label>
      <select id="template" name="template" style="width:auto">
        <option value="">{t('adminIncidents.templateChoose')}</option>
        {templates.map((template) => (
          <option key={template.id} value={template.id} selected={template.id === selected}>
            {template.name}
          </option>
        ))}
      </select>
      <button type="submit" class="secondary">
        {t('adminIncidents.templateUse')}
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
  const t = useT();
  const locale = useLocale();
  return (
    <>
      <h1>{t('adminIncidents.newTitle')}</h1>
      <TemplatePicker templates={templates} selected={template} />
      {suggested.length > 0 && (
        <p class="notice">
          {t('adminIncidents.templateSuggested', {
            components: new Intl.ListFormat(locale, { type: 'conjunction' }).format(suggested),
          })}
        </p>
      )}
      <FormAlert form={form} />
      <form method="post" action="/admin/incidents" class="card" novalidate>
        <CsrfField token={s.session.csrfToken} />
        <OpenIncidentFields form={form} components={components} full />
        <div class="actions">
          <button type="submit">{t('admin.postIncident')}</button>
          <a href="/admin/incidents">{t('admin.cancel')}</a>
        </div>
      </form>
    </>
  );
}

export function BackfillIncident({ s, form }: { s: Screen; form: FormState }) {
  const t = useT();
  const locale = useLocale();
  return (
    <>
      <h1>{t('adminIncidents.backfillTitle')}</h1>
      <p>{t('adminIncidents.backfillIntro')}</p>
      <FormAlert form={form} />
      <form method="post" action="/admin/incidents/backfill" class="card" novalidate>
        <CsrfField token={s.session.csrfToken} />
        <Field name="name" label={t('adminIncidents.nameLabel')} form={form} required />
        <Field
          name="startedAt"
          label={t('adminIncidents.startedAtLabel')}
          type="datetime-local"
          form={form}
          required
          hint={t('adminIncidents.timeZoneHint', { zone: formatZone(locale, s.page.timeZone, s.ctx.clock.now()) })}
        />
        <TextArea name="body" label={t('adminIncidents.whatHappened')} form={form} />
        <Select name="impactOverride" label={t('adminIncidents.impactLabel')} form={form} options={impactOptionsIn(t)} />
        <div class="actions">
          <button type="submit">{t('adminIncidents.backfillSubmit')}</button>
          <a href="/admin/incidents">{t('admin.cancel')}</a>
        </div>
      </form>
    </>
  );
}

export function UpdateList({ s, incident }: { s: Screen; incident: Incident }) {
  const labels = updateLabels(incident.updates);
  const base = incident.kind === 'incident' ? '/admin/incidents' : '/admin/maintenances';
  const t = useT();
  const locale = useLocale();
  const time = (date: Date) => formatTime(date, s.page.timeZone, locale);
  return (
    <ol class="card" style="list-style:none;padding:0 1rem" aria-label={t('adminIncidents.updatesLabel')}>
      {incident.updates.map((u: IncidentUpdate, index) => {
        const label = labels[index] ?? u.status;
        return (
          <li class="update" key={u.id}>
            <p style="margin:0">
              <strong>{t(`label.${label}`)}</strong> <span class="meta">· {time(u.displayAt)}</span>
              {!u.deliverNotifications && <span class="meta"> · {t('adminIncidents.noNotification')}</span>}
            </p>
            <MarkdownBody source={updateBodyText(u, locale)} />
            {u.affectedComponents.length > 0 && (
              <p class="meta">
                {u.affectedComponents
                  .map((a) => `${a.name}: ${componentStatusLabel(t, a.oldStatus)} → ${componentStatusLabel(t, a.newStatus)}`)
                  .join('; ')}
              </p>
            )}
            {s.can('post_incidents') && (
              <a href={`${base}/${incident.id}/updates/${u.id}/edit`}>
                {t('admin.edit')}
                <span class="sr-only"> {t('adminIncidents.editUpdateSr', { time: time(u.displayAt) })}</span>
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
  const t = useT();
  const locale = useLocale();
  return (
    <>
      <p>
        <a href={`${base}/${incident.id}`}>{t('adminIncidents.backTo', { name: incident.name })}</a>
      </p>
      <h1>{t('adminIncidents.editUpdateTitle')}</h1>
      <p>{t('adminIncidents.editUpdateIntro')}</p>
      <FormAlert form={form} />
      <form method="post" action={`${base}/${incident.id}/updates/${update.id}`} class="card" novalidate>
        <CsrfField token={s.session.csrfToken} />
        <MarkdownField name="body" label={t('adminIncidents.messageLabel')} form={form} rows={6} required />
        <Field
          name="displayAt"
          label={t('adminIncidents.displayAtLabel')}
          type="datetime-local"
          form={form}
          required
          hint={t('adminIncidents.timeZoneHint', { zone: formatZone(locale, s.page.timeZone, s.ctx.clock.now()) })}
        />
        <div class="actions">
          <button type="submit">{t('admin.save')}</button>
          <a href={`${base}/${incident.id}`}>{t('admin.cancel')}</a>
        </div>
      </form>
    </>
  );
}

export function ConfirmDeleteIncident({ s, incident }: { s: Screen; incident: Incident }) {
  const base = incident.kind === 'incident' ? '/admin/incidents' : '/admin/maintenances';
  const t = useT();
  return (
    <>
      <h1>{t('adminIncidents.deleteTitle', { name: incident.name })}</h1>
      <div class="card">
        <p>{t('adminIncidents.deleteBody')}</p>
        <form method="post" action={`${base}/${incident.id}/delete`} class="actions">
          <CsrfField token={s.session.csrfToken} />
          <button type="submit" class="danger">
            {t('admin.delete')}
          </button>
          <a href={`${base}/${incident.id}`}>{t('adminIncidents.keepIt')}</a>
        </form>
      </div>
    </>
  );
}
