import type { Component } from '../../modules/components/index.ts';
import { isResolved, type Incident } from '../../modules/incidents/index.ts';
import type { Screen } from '../admin-screen.tsx';
import type { FormState } from '../form-values.ts';
import { eventStatusLabels, formatTime } from '../view/format.ts';
import { Checkbox, CsrfField, Field, Fieldset, FormAlert, Select, TextArea } from '../view/form-fields.tsx';
import { maintenanceStatusOptions } from '../incidents/incident-fields.tsx';
import { ComponentPicker, ComponentUpdates } from '../incidents/component-picker.tsx';
import { IncidentSummary, UpdateList } from '../incidents/incident-views.tsx';
import { formatZone } from '../../i18n/format-dates.ts';
import { MarkdownField } from '../markdown/markdown-body.tsx';

export function MaintenanceList({ s, current, past }: { s: Screen; current: Incident[]; past: Incident[] }) {
  return (
    <>
      <h1>Maintenance</h1>
      {s.can('post_incidents') && (
        <p class="actions">
          <a class="button" href="/admin/maintenances/new">
            Schedule maintenance
          </a>
        </p>
      )}
      <h2>Upcoming and in progress</h2>
      {current.length === 0 ? (
        <p>Nothing scheduled.</p>
      ) : (
        <ul class="items">
          {current.map((m) => (
            <IncidentSummary key={m.id} s={s} incident={m} />
          ))}
        </ul>
      )}
      <h2>Completed</h2>
      {past.length === 0 ? (
        <p>No completed maintenance yet.</p>
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
  const zone = `In the page's time zone, ${formatZone('en', s.page.timeZone, s.ctx.clock.now())}.`;
  const was = maintenance?.schedule;
  return (
    <>
      <h1>{maintenance ? `Edit ${maintenance.name}` : 'Schedule maintenance'}</h1>
      <FormAlert form={form} />
      <form
        method="post"
        action={maintenance ? `/admin/maintenances/${maintenance.id}/edit` : '/admin/maintenances'}
        class="card"
        novalidate
      >
        <CsrfField token={s.session.csrfToken} />
        <Field name="name" label="Name" form={form} required />
        {!maintenance && (
          <TextArea
            name="body"
            label="Message"
            form={form}
            hint="Left empty: “We will be undergoing scheduled maintenance during this time.”"
          />
        )}
        <Fieldset legend="Window">
          <Field name="scheduledFor" label="Starts" type="datetime-local" form={form} required hint={zone} />
          <Field name="scheduledUntil" label="Ends" type="datetime-local" form={form} required hint={zone} />
        </Fieldset>
        <ComponentPicker
          form={form}
          initial={maintenance?.componentIds ?? []}
          components={components}
          name="componentIds"
          legend="Components under maintenance"
          hint="Tick each component this maintenance works on; its current status is shown beside it."
        />
        <Fieldset legend="Automation">
          <Checkbox name="autoInProgress" label="Start by itself at the start time" form={form} initial={was?.autoInProgress ?? true} />
          <Checkbox
            name="autoTransitionToMaintenanceState"
            label="…and set the components to “under maintenance”"
            form={form}
            initial={was?.autoTransitionToMaintenanceState ?? true}
          />
          <Checkbox
            name="autoTransitionDeliverNotificationsAtStart"
            label="…and notify subscribers when it starts"
            form={form}
            initial={was?.autoTransitionDeliverNotificationsAtStart ?? true}
          />
          <Checkbox name="autoCompleted" label="Complete by itself at the end time" form={form} initial={was?.autoCompleted ?? true} />
          <Checkbox
            name="autoTransitionToOperationalState"
            label="…and set the components back to operational"
            form={form}
            initial={was?.autoTransitionToOperationalState ?? true}
          />
          <Checkbox
            name="autoTransitionDeliverNotificationsAtEnd"
            label="…and notify subscribers when it completes"
            form={form}
            initial={was?.autoTransitionDeliverNotificationsAtEnd ?? true}
          />
          <Field
            name="remindPrior"
            label="Remind subscribers before the start (minutes)"
            type="number"
            form={form}
            initial="60"
            hint="0 for no reminder."
          />
        </Fieldset>
        {!maintenance && <Checkbox name="deliverNotifications" label="Notify subscribers now that it is scheduled" form={form} initial />}
        <div class="actions">
          <button type="submit">{maintenance ? 'Save' : 'Schedule maintenance'}</button>
          <a href={maintenance ? `/admin/maintenances/${maintenance.id}` : '/admin/maintenances'}>Cancel</a>
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
  const schedule = maintenance.schedule;
  const state = form ?? { values: {}, errors: {} };
  const attached = components.filter((c) => maintenance.componentIds.includes(c.id));
  const auto = schedule
    ? [
        schedule.autoInProgress ? 'starts by itself' : 'started by hand',
        schedule.autoCompleted ? 'completes by itself' : 'completed by hand',
        schedule.remindPrior > 0 ? `reminder ${schedule.remindPrior} minutes before` : 'no reminder',
      ].join(' · ')
    : '';
  return (
    <>
      <p>
        <a href="/admin/maintenances">← All maintenance</a>
      </p>
      <h1>{maintenance.name}</h1>
      <p>
        {eventStatusLabels[maintenance.status]}
        {schedule && ` · ${formatTime(schedule.scheduledFor, s.page.timeZone)} to ${formatTime(schedule.scheduledUntil, s.page.timeZone)}`}
      </p>
      {auto && <p class="meta">{auto}</p>}
      {attached.length > 0 && <p>Components: {attached.map((c) => c.name).join(', ')}</p>}
      {s.can('post_incidents') && !isResolved(maintenance) && (
        <section aria-labelledby="post-update">
          <h2 id="post-update">Post an update</h2>
          <FormAlert form={form} />
          <form method="post" action={`/admin/maintenances/${maintenance.id}/updates`} class="card" novalidate>
            <CsrfField token={s.session.csrfToken} />
            <Select name="status" label="Status" form={state} options={maintenanceStatusOptions} initial={maintenance.status} />
            <MarkdownField
              name="body"
              label="Message"
              form={state}
              hint="Markdown. Left empty, Aviso posts the standard text for the status."
            />
            <ComponentUpdates
              form={state}
              components={components}
              affected={maintenance.componentIds}
              ownLegend="Components of this maintenance"
            />
            <Checkbox name="restore" label="When completing, set these components back to operational" form={state} initial />
            <Checkbox name="deliverNotifications" label="Notify subscribers" form={state} initial />
            <button type="submit">Post update</button>
          </form>
        </section>
      )}
      <section aria-labelledby="updates">
        <h2 id="updates">Updates</h2>
        <UpdateList s={s} incident={maintenance} />
      </section>
      {s.can('post_incidents') && (
        <p class="actions">
          {maintenance.status === 'scheduled' && <a href={`/admin/maintenances/${maintenance.id}/edit`}>Edit the window and automation</a>}
          <a href={`/admin/maintenances/${maintenance.id}/delete`}>Delete this maintenance</a>
        </p>
      )}
    </>
  );
}
