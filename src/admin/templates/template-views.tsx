import type { Component } from '../../modules/components/index.ts';
import type { IncidentTemplate } from '../../modules/templates/index.ts';
import type { Screen } from '../admin-screen.tsx';
import type { FormState } from '../form-values.ts';
import { incidentStatusOptions, maintenanceStatusOptions } from '../incidents/incident-fields.tsx';
import { eventStatusLabels } from '../view/format.ts';
import { Checkbox, CsrfField, Field, Fieldset, FormAlert, Select, TextArea } from '../view/form-fields.tsx';

export function TemplateList({ s, templates }: { s: Screen; templates: IncidentTemplate[] }) {
  const manage = s.can('post_incidents');
  return (
    <>
      <h1>Incident templates</h1>
      <p>
        Prepared incidents for the outages you expect: pick one when opening an incident and its title, message and status are filled in.
      </p>
      {manage && (
        <p class="actions">
          <a class="button" href="/admin/templates/new">
            New template
          </a>
        </p>
      )}
      {templates.length === 0 ? (
        <p>No templates yet.</p>
      ) : (
        <ul class="items">
          {templates.map((t) => (
            <li key={t.id}>
              <h2 style="margin:0;font-size:1.05rem">{t.name}</h2>
              <p class="meta">
                “{t.title}” · {eventStatusLabels[t.updateStatus]} · {t.shouldSendNotifications ? 'notifies subscribers' : 'no notification'}
              </p>
              {manage && (
                <p class="actions">
                  <a href={`/admin/incidents/new?template=${t.id}`}>
                    Post an incident from it<span class="sr-only"> ({t.name})</span>
                  </a>
                  <a href={`/admin/templates/${t.id}/edit`}>
                    Edit<span class="sr-only"> {t.name}</span>
                  </a>
                  <a href={`/admin/templates/${t.id}/delete`}>
                    Delete<span class="sr-only"> {t.name}</span>
                  </a>
                </p>
              )}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

export function TemplateForm({
  s,
  form,
  template,
  components,
}: {
  s: Screen;
  form: FormState;
  template: IncidentTemplate | null;
  components: Component[];
}) {
  return (
    <>
      <h1>{template ? `Edit ${template.name}` : 'New template'}</h1>
      <FormAlert form={form} />
      <form method="post" action={template ? `/admin/templates/${template.id}` : '/admin/templates'} class="card" novalidate>
        <CsrfField token={s.session.csrfToken} />
        <Field
          name="name"
          label="Template name"
          form={form}
          required
          hint="How the template is listed, for example “Payment provider down”."
        />
        <Field name="title" label="Incident name" form={form} required />
        <TextArea name="body" label="Message" form={form} />
        <Select
          name="updateStatus"
          label="Status"
          form={form}
          initial="investigating"
          options={[...incidentStatusOptions, ...maintenanceStatusOptions]}
        />
        <Fieldset legend="Components it is about" name="componentIds" error={form.errors['componentIds']} form={form}>
          {components
            .filter((c) => !c.isGroup)
            .map((c) => (
              <Checkbox key={c.id} name="componentIds" value={c.id} label={c.name} form={form} />
            ))}
        </Fieldset>
        <Checkbox name="shouldSendNotifications" label="Notify subscribers by default" form={form} initial />
        <div class="actions">
          <button type="submit">{template ? 'Save template' : 'Create template'}</button>
          <a href="/admin/templates">Cancel</a>
        </div>
      </form>
    </>
  );
}

export function ConfirmDeleteTemplate({ s, template }: { s: Screen; template: IncidentTemplate }) {
  return (
    <>
      <h1>Delete the template “{template.name}”?</h1>
      <div class="card">
        <p>Incidents opened from it are not changed.</p>
        <form method="post" action={`/admin/templates/${template.id}/delete`} class="actions">
          <CsrfField token={s.session.csrfToken} />
          <button type="submit" class="danger">
            Delete
          </button>
          <a href="/admin/templates">Keep it</a>
        </form>
      </div>
    </>
  );
}
