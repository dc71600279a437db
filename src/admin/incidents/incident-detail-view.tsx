import type { Component } from '../../modules/components/index.ts';
import { isResolved, type Incident } from '../../modules/incidents/index.ts';
import type { Screen } from '../admin-screen.tsx';
import type { FormState } from '../form-values.ts';
import { eventStatusLabel, formatTime } from '../view/format.ts';
import { useLocale, useT } from '../view/admin-i18n.tsx';
import { Checkbox, CsrfField, Field, FormAlert, Select, TextArea } from '../view/form-fields.tsx';
import { impactOptionsIn, incidentStatusOptionsIn } from './incident-fields.tsx';
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
  const t = useT();
  const locale = useLocale();
  const time = (date: Date) => formatTime(date, s.page.timeZone, locale);
  return (
    <>
      <p>
        <a href="/admin/incidents">{t('adminIncidents.backToAll')}</a>
      </p>
      <h1>{incident.name}</h1>
      <p>
        {eventStatusLabel(t, incident.status)} · <ImpactBadge incident={incident} />
        {incident.impactOverride && ` ${t('adminIncidents.impactSetByHand')}`} ·{' '}
        {t('adminIncidents.startedAt', { time: time(incident.startedAt) })}
        {incident.resolvedAt && ` · ${t('adminIncidents.resolvedAt', { time: time(incident.resolvedAt) })}`}
        {incident.backfilled && ` · ${t('adminIncidents.backfilled')}`}
      </p>
      {attached.length > 0 && (
        <p>
          {t('adminIncidents.affects', {
            components: new Intl.ListFormat(locale, { type: 'unit' }).format(attached.map((c) => c.name)),
          })}
        </p>
      )}
      {canPost && incident.status !== 'postmortem' && (
        <section aria-labelledby="post-update">
          <h2 id="post-update">{t('adminIncidents.postUpdateTitle')}</h2>
          <FormAlert form={forms.update && updateForm} />
          <form method="post" action={`/admin/incidents/${incident.id}/updates`} class="card" novalidate>
            <CsrfField token={s.session.csrfToken} />
            <Select
              name="status"
              label={t('adminIncidents.statusLabel')}
              form={updateForm}
              options={incidentStatusOptionsIn(t)}
              initial={resolved ? 'resolved' : incident.status}
            />
            <MarkdownField name="body" label={t('adminIncidents.messageLabel')} form={updateForm} hint={t('adminIncidents.messageHint')} />
            <ComponentUpdates
              form={updateForm}
              components={components}
              affected={incident.componentIds}
              ownLegend={t('adminIncidents.ownComponents')}
            />
            <Checkbox name="deliverNotifications" label={t('adminIncidents.notifySubscribers')} form={updateForm} initial />
            <button type="submit">{t('adminIncidents.postUpdate')}</button>
          </form>
          {!resolved && (
            <form method="post" action={`/admin/incidents/${incident.id}/updates`} class="card" novalidate>
              <h3 style="margin-top:0">{t('adminIncidents.resolveTitle')}</h3>
              <CsrfField token={s.session.csrfToken} />
              <input type="hidden" name="status" value="resolved" />
              <TextArea
                name="body"
                label={t('adminIncidents.resolveMessage')}
                form={resolveForm}
                rows={3}
                hint={t('adminIncidents.resolveHint', { text: t('updateBody.resolved') })}
              />
              <Checkbox name="restore" label={t('adminIncidents.restoreComponents')} form={resolveForm} initial />
              <Checkbox name="deliverNotifications" label={t('adminIncidents.notifySubscribers')} form={resolveForm} initial />
              <button type="submit">{t('adminIncidents.resolveSubmit')}</button>
            </form>
          )}
        </section>
      )}
      <section aria-labelledby="updates">
        <h2 id="updates">{t('adminIncidents.updatesHeading')}</h2>
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
  const t = useT();
  const locale = useLocale();
  return (
    <section aria-labelledby="postmortem">
      <h2 id="postmortem">{t('adminIncidents.postmortemHeading')}</h2>
      <p>
        {pm.publishedAt
          ? t('adminIncidents.postmortemPublished', { time: formatTime(pm.publishedAt, s.page.timeZone, locale) })
          : pm.draft
            ? t('adminIncidents.postmortemDraft')
            : t('adminIncidents.postmortemNone')}
      </p>
      <FormAlert form={form && state} />
      {pm.publishedAt === null ? (
        <>
          <form method="post" action={`/admin/incidents/${incident.id}/postmortem`} class="card" novalidate>
            <CsrfField token={s.session.csrfToken} />
            <MarkdownField name="body" label={t('adminIncidents.postmortemLabel')} form={state} rows={10} />
            <button type="submit">{t('adminIncidents.postmortemSaveDraft')}</button>
          </form>
          {pm.draft && (
            <form method="post" action={`/admin/incidents/${incident.id}/postmortem/publish`} class="card">
              <CsrfField token={s.session.csrfToken} />
              <Checkbox
                name="notifySubscribers"
                label={t('adminIncidents.notifySubscribers')}
                form={{ values: {}, errors: {}, scope: 'publish' }}
              />
              <button type="submit">{t('adminIncidents.postmortemPublish')}</button>
            </form>
          )}
        </>
      ) : (
        <div class="card">
          <MarkdownBody source={pm.body ?? ''} />
          <form method="post" action={`/admin/incidents/${incident.id}/postmortem/revert`}>
            <CsrfField token={s.session.csrfToken} />
            <button type="submit" class="secondary">
              {t('adminIncidents.postmortemRevert')}
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
  const t = useT();
  return (
    <section aria-labelledby="edit-incident">
      <h2 id="edit-incident">{t('adminIncidents.editTitle')}</h2>
      <FormAlert form={form && state} />
      <form method="post" action={`/admin/incidents/${incident.id}`} class="card" novalidate>
        <CsrfField token={s.session.csrfToken} />
        <Field name="name" label={t('adminIncidents.editName')} form={state} required />
        <Select name="impactOverride" label={t('adminIncidents.impactLabel')} form={state} options={impactOptionsIn(t)} />
        <div class="actions">
          <button type="submit">{t('admin.save')}</button>
          <a href={`/admin/incidents/${incident.id}/delete`}>{t('adminIncidents.deleteLink')}</a>
        </div>
      </form>
    </section>
  );
}
