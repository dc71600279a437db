import type { Component } from '../../modules/components/index.ts';
import type { IncidentTemplate } from '../../modules/templates/index.ts';
import type { Screen } from '../admin-screen.tsx';
import type { FormState } from '../form-values.ts';
import { incidentStatusOptionsIn, maintenanceStatusOptionsIn } from '../incidents/incident-fields.tsx';
import { eventStatusLabel } from '../view/format.ts';
import { useT } from '../view/admin-i18n.tsx';
import { Checkbox, CsrfField, Field, Fieldset, FormAlert, Select, TextArea } from '../view/form-fields.tsx';

export function TemplateList({ s, templates }: { s: Screen; templates: IncidentTemplate[] }) {
  const manage = s.can('post_incidents');
  const tr = useT();
  return (
    <>
      <h1>{tr('adminTemplates.title')}</h1>
      <p>{tr('adminTemplates.intro')}</p>
      {manage && (
        <p class="actions">
          <a class="button" href="/admin/templates/new">
            {tr('adminTemplates.new')}
          </a>
        </p>
      )}
      {templates.length === 0 ? (
        <p>{tr('adminTemplates.none')}</p>
      ) : (
        <ul class="items">
          {templates.map((t) => (
            <li key={t.id}>
              <h2 style="margin:0;font-size:1.05rem">{t.name}</h2>
              <p class="meta">
                “{t.title}” · {eventStatusLabel(tr, t.updateStatus)} ·{' '}
                {t.shouldSendNotifications ? tr('adminTemplates.notifies') : tr('adminIncidents.noNotification')}
              </p>
              {manage && (
                <p class="actions">
                  <a href={`/admin/incidents/new?template=${t.id}`}>
                    {tr('adminTemplates.useIt')}
                    <span class="sr-only"> ({t.name})</span>
                  </a>
                  <a href={`/admin/templates/${t.id}/edit`}>
                    {tr('admin.edit')}
                    <span class="sr-only"> {t.name}</span>
                  </a>
                  <a href={`/admin/templates/${t.id}/delete`}>
                    {tr('admin.delete')}
                    <span class="sr-only"> {t.name}</span>
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
  const t = useT();
  return (
    <>
      <h1>{template ? t('adminTemplates.editTitle', { name: template.name }) : t('adminTemplates.new')}</h1>
      <FormAlert form={form} />
      <form method="post" action={template ? `/admin/templates/${template.id}` : '/admin/templates'} class="card" novalidate>
        <CsrfField token={s.session.csrfToken} />
        <Field name="name" label={t('adminTemplates.nameLabel')} form={form} required hint={t('adminTemplates.nameHint')} />
        <Field name="title" label={t('adminIncidents.nameLabel')} form={form} required />
        <TextArea name="body" label={t('adminIncidents.messageLabel')} form={form} />
        <Select
          name="updateStatus"
          label={t('adminIncidents.statusLabel')}
          form={form}
          initial="investigating"
          options={[...incidentStatusOptionsIn(t), ...maintenanceStatusOptionsIn(t)]}
        />
        <Fieldset legend={t('adminTemplates.components')} name="componentIds" error={form.errors['componentIds']} form={form}>
          {components
            .filter((c) => !c.isGroup)
            .map((c) => (
              <Checkbox key={c.id} name="componentIds" value={c.id} label={c.name} form={form} />
            ))}
        </Fieldset>
        <Checkbox name="shouldSendNotifications" label={t('adminTemplates.notifyDefault')} form={form} initial />
        <div class="actions">
          <button type="submit">{template ? t('adminTemplates.save') : t('adminTemplates.create')}</button>
          <a href="/admin/templates">{t('admin.cancel')}</a>
        </div>
      </form>
    </>
  );
}

export function ConfirmDeleteTemplate({ s, template }: { s: Screen; template: IncidentTemplate }) {
  const t = useT();
  return (
    <>
      <h1>{t('adminTemplates.deleteTitle', { name: template.name })}</h1>
      <div class="card">
        <p>{t('adminTemplates.deleteBody')}</p>
        <form method="post" action={`/admin/templates/${template.id}/delete`} class="actions">
          <CsrfField token={s.session.csrfToken} />
          <button type="submit" class="danger">
            {t('admin.delete')}
          </button>
          <a href="/admin/templates">{t('adminTemplates.keepIt')}</a>
        </form>
      </div>
    </>
  );
}
