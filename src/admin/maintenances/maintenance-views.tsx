import type { Component } from '../../modules/components/index.ts';
import { isResolved, maintenanceStatuses, type Incident } from '../../modules/incidents/index.ts';
import type { Screen } from '../admin-screen.tsx';
import type { FormState } from '../form-values.ts';
import { eventStatusLabel, formatTime } from '../view/format.ts';
import { Checkbox, CsrfField, Field, Fieldset, FormAlert, Select, TextArea } from '../view/form-fields.tsx';
import { useLocale, useT } from '../view/admin-i18n.tsx';
import { ComponentPicker, ComponentUpdates } from '../incidents/component-picker.tsx';
import { IncidentSummary, UpdateList } from '../incidents/incident-views.tsx';
import { formatZone } from '../../i18n/format-dates.ts';
import { MarkdownField } from '../markdown/markdown-body.tsx';

export function MaintenanceList({ s, current, past }: { s: Screen; current: Incident[]; past: Incident[] }) {
  const t = useT();
  return (
    <>
      <h1>{t('adminMaintenances.title')}</h1>
      {s.can('post_incidents') && (
        <p class="actions">
          <a class="button" href="/admin/maintenances/new">
            {t('adminMaintenances.schedule')}
          </a>
        </p>
      )}
      <h2>{t('adminMaintenances.currentHeading')}</h2>
      {current.length === 0 ? (
        <p>{t('adminMaintenances.nothingScheduled')}</p>
      ) : (
        <ul class="items">
          {current.map((m) => (
            <IncidentSummary key={m.id} s={s} incident={m} />
          ))}
        </ul>
      )}
      <h2>{t('adminMaintenances.completedHeading')}</h2>
      {past.length === 0 ? (
        <p>{t('adminMaintenances.noneCompleted')}</p>
      ) : (
        <ul class="items">
          {past.map((m) => (
            <IncidentSummary key={m.id} s={s} incident={m} />
          ))}
        </ul>
      )}
    </>
  );
}

/** Schedules a new maintenance, or (given one) edits its name, window, components and automation. */
export function MaintenanceForm({
  s,
  form,
  components,
  maintenance,
}: {
  s: Screen;
  form: FormState;
  components: Component[];
  maintenance: Incident | null;
}) {
  const t = useT();
  const locale = useLocale();
  const zone = t('adminMaintenances.zoneHint', { zone: formatZone(locale, s.page.timeZone, s.ctx.clock.now()) });
  const was = maintenance?.schedule;
  return (
    <>
      <h1>{maintenance ? t('adminMaintenances.editTitle', { name: maintenance.name }) : t('adminMaintenances.schedule')}</h1>
      <FormAlert form={form} />
      <form
        method="post"
        action={maintenance ? `/admin/maintenances/${maintenance.id}/edit` : '/admin/maintenances'}
        class="card"
        novalidate
      >
        <CsrfField token={s.session.csrfToken} />
        <Field name="name" label={t('adminMaintenances.name')} form={form} required />
        {!maintenance && (
          <TextArea
            name="body"
            label={t('adminMaintenances.message')}
            form={form}
            hint={t('adminMaintenances.messageHint', { text: t('updateBody.scheduled') })}
          />
        )}
        <Fieldset legend={t('adminMaintenances.window')}>
          <Field name="scheduledFor" label={t('adminMaintenances.starts')} type="datetime-local" form={form} required hint={zone} />
          <Field name="scheduledUntil" label={t('adminMaintenances.ends')} type="datetime-local" form={form} required hint={zone} />
        </Fieldset>
        <ComponentPicker
          form={form}
          initial={maintenance?.componentIds ?? []}
          components={components}
          name="componentIds"
          legend={t('adminMaintenances.componentsLegend')}
          hint={t('adminMaintenances.componentsHint')}
        />
        <Fieldset legend={t('adminMaintenances.automation')}>
          <Checkbox name="autoInProgress" label={t('adminMaintenances.autoStart')} form={form} initial={was?.autoInProgress ?? true} />
          <Checkbox
            name="autoTransitionToMaintenanceState"
            label={t('adminMaintenances.autoMaintenanceState')}
            form={form}
            initial={was?.autoTransitionToMaintenanceState ?? true}
          />
          <Checkbox
            name="autoTransitionDeliverNotificationsAtStart"
            label={t('adminMaintenances.autoNotifyStart')}
            form={form}
            initial={was?.autoTransitionDeliverNotificationsAtStart ?? true}
          />
          <Checkbox name="autoCompleted" label={t('adminMaintenances.autoComplete')} form={form} initial={was?.autoCompleted ?? true} />
          <Checkbox
            name="autoTransitionToOperationalState"
            label={t('adminMaintenances.autoOperationalState')}
            form={form}
            initial={was?.autoTransitionToOperationalState ?? true}
          />
          <Checkbox
            name="autoTransitionDeliverNotificationsAtEnd"
            label={t('adminMaintenances.autoNotifyEnd')}
            form={form}
            initial={was?.autoTransitionDeliverNotificationsAtEnd ?? true}
          />
          <Field
            name="remindPrior"
            label={t('adminMaintenances.remindPrior')}
            type="number"
            form={form}
            initial="60"
            hint={t('adminMaintenances.remindPriorHint')}
          />
        </Fieldset>
        {!maintenance && <Checkbox name="deliverNotifications" label={t('adminMaintenances.notifyScheduled')} form={form} initial />}
        <div class="actions">
          <button type="submit">{maintenance ? t('admin.save') : t('adminMaintenances.schedule')}</button>
          <a href={maintenance ? `/admin/maintenances/${maintenance.id}` : '/admin/maintenances'}>{t('admin.cancel')}</a>
        </div>
      </form>
    </>
  );
}

export function MaintenanceDetail({
  s,
  maintenance,
  components,
  form,
}: {
  s: Screen;
  maintenance: Incident;
  components: Component[];
  form: FormState | undefined;
}) {
  const t = useT();
  const locale = useLocale();
  const schedule = maintenance.schedule;
  const state = form ?? { values: {}, errors: {} };
  const attached = components.filter((c) => maintenance.componentIds.includes(c.id));
  const auto = schedule
    ? [
        schedule.autoInProgress ? t('adminMaintenances.startsByItself') : t('adminMaintenances.startedByHand'),
        schedule.autoCompleted ? t('adminMaintenances.completesByItself') : t('adminMaintenances.completedByHand'),
        schedule.remindPrior > 0 ? t('adminMaintenances.reminder', { count: schedule.remindPrior }) : t('adminMaintenances.noReminder'),
      ].join(' · ')
    : '';
  return (
    <>
      <p>
        <a href="/admin/maintenances">← {t('adminMaintenances.allMaintenance')}</a>
      </p>
      <h1>{maintenance.name}</h1>
      <p>
        {eventStatusLabel(t, maintenance.status)}
        {schedule &&
          ` · ${t('adminMaintenances.windowRange', {
            start: formatTime(schedule.scheduledFor, s.page.timeZone, locale),
            end: formatTime(schedule.scheduledUntil, s.page.timeZone, locale),
          })}`}
      </p>
      {auto && <p class="meta">{auto}</p>}
      {attached.length > 0 && <p>{t('adminMaintenances.componentsList', { names: attached.map((c) => c.name).join(', ') })}</p>}
      {s.can('post_incidents') && !isResolved(maintenance) && (
        <section aria-labelledby="post-update">
          <h2 id="post-update">{t('adminMaintenances.postUpdateHeading')}</h2>
          <FormAlert form={form} />
          <form method="post" action={`/admin/maintenances/${maintenance.id}/updates`} class="card" novalidate>
            <CsrfField token={s.session.csrfToken} />
            <Select
              name="status"
              label={t('adminMaintenances.status')}
              form={state}
              options={maintenanceStatuses.map((st) => [st, eventStatusLabel(t, st)] as const)}
              initial={maintenance.status}
            />
            <MarkdownField
              name="body"
              label={t('adminMaintenances.message')}
              form={state}
              hint={t('adminMaintenances.updateMessageHint')}
            />
            <ComponentUpdates
              form={state}
              components={components}
              affected={maintenance.componentIds}
              ownLegend={t('adminMaintenances.ownComponents')}
            />
            <Checkbox name="restore" label={t('adminMaintenances.restore')} form={state} initial />
            <Checkbox name="deliverNotifications" label={t('adminMaintenances.notify')} form={state} initial />
            <button type="submit">{t('adminMaintenances.postUpdate')}</button>
          </form>
        </section>
      )}
      <section aria-labelledby="updates">
        <h2 id="updates">{t('adminMaintenances.updatesHeading')}</h2>
        <UpdateList s={s} incident={maintenance} />
      </section>
      {s.can('post_incidents') && (
        <p class="actions">
          {maintenance.status === 'scheduled' && (
            <a href={`/admin/maintenances/${maintenance.id}/edit`}>{t('adminMaintenances.editWindow')}</a>
          )}
          <a href={`/admin/maintenances/${maintenance.id}/delete`}>{t('adminMaintenances.deleteThis')}</a>
        </p>
      )}
    </>
  );
}
