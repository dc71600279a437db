import type { Component } from '../../modules/components/index.ts';
import type { SourceChoice } from '../../modules/third-party/index.ts';
import type { Screen } from '../admin-screen.tsx';
import { text, type FormState } from '../form-values.ts';
import { localeNames } from '../../i18n/negotiate-locale.ts';
import { translatableLocales } from './component-form.ts';
import { componentStatusLabel, componentStatusOptions, formatTime } from '../view/format.ts';
import { Checkbox, CsrfField, Field, Fieldset, FormAlert, Select, TextArea } from '../view/form-fields.tsx';
import { useLocale, useT } from '../view/admin-i18n.tsx';
import { HoldForms } from './mirror-views.tsx';
import type { Translator } from '../../i18n/translate.ts';

export function StatusBadge({ status }: { status: Component['status'] }) {
  const t = useT();
  return <span class={`badge s-${status}`}>{componentStatusLabel(t, status)}</span>;
}

function MoveButton({ s, c, direction }: { s: Screen; c: Component; direction: 'up' | 'down' }) {
  const t = useT();
  return (
    <form method="post" action={`/admin/components/${c.id}/move`} class="inline">
      <CsrfField token={s.session.csrfToken} />
      <input type="hidden" name="direction" value={direction} />
      <button type="submit" class="secondary">
        {direction === 'up' ? t('adminComponents.moveUp') : t('adminComponents.moveDown')}
        <span class="sr-only"> {c.name}</span>
      </button>
    </form>
  );
}

/** A field's label marked optional, as each language writes it (ja sets "（任意）" without a space). */
function optionalLabel(t: Translator, label: string): string {
  return t('adminComponents.optionalLabel', { label, optional: t('admin.optional') });
}

export function ComponentList({ s, components }: { s: Screen; components: Component[] }) {
  const t = useT();
  const locale = useLocale();
  const manage = s.can('manage_components');
  const siblings = (c: Component) => components.filter((x) => x.groupId === c.groupId);
  return (
    <>
      <h1>{t('adminComponents.title')}</h1>
      {manage && (
        <p class="actions">
          <a class="button" href="/admin/components/new">
            {t('adminComponents.addComponent')}
          </a>
          <a class="button secondary" href="/admin/groups/new">
            {t('adminComponents.addGroup')}
          </a>
        </p>
      )}
      {components.length === 0 ? (
        <p>{t('adminComponents.empty')}</p>
      ) : (
        <ul class="items" aria-label={t('adminComponents.listLabel')}>
          {components.map((c) => {
            const peers = siblings(c);
            const index = peers.indexOf(c);
            return (
              <li key={c.id} class={c.groupId ? 'child' : undefined}>
                <h2 style="margin:0;font-size:1.05rem">
                  {c.name} {c.isGroup ? <span class="meta">{t('adminComponents.groupMark')}</span> : null} <StatusBadge status={c.status} />
                </h2>
                <p class="meta">
                  {[
                    c.showcase ? t('adminComponents.showcased') : t('adminComponents.notShowcased'),
                    c.startDate ? t('adminComponents.uptimeFrom', { date: c.startDate }) : null,
                    c.thirdParty
                      ? t('adminComponents.mirrors', { component: c.thirdParty.componentId, url: c.thirdParty.sourceUrl })
                      : null,
                    c.statusUnknownSince
                      ? t('adminComponents.statusUnknownSince', { time: formatTime(c.statusUnknownSince, s.page.timeZone, locale) })
                      : null,
                    c.mirrorHeldUntil
                      ? t('adminComponents.heldUntil', { time: formatTime(c.mirrorHeldUntil, s.page.timeZone, locale) })
                      : null,
                    c.onlyShowIfDegraded ? t('adminComponents.onlyWhenDegraded') : null,
                  ]
                    .filter(Boolean)
                    .join(' · ')}
                </p>
                {manage && (
                  <div class="actions">
                    {!c.isGroup && c.thirdParty !== null && <HoldForms s={s} c={c} />}
                    {!c.isGroup && c.thirdParty === null && (
                      <form method="post" action={`/admin/components/${c.id}/status`} class="actions" style="margin:0">
                        <CsrfField token={s.session.csrfToken} />
                        <label for={`status-${c.id}`} class="sr-only">
                          {t('adminComponents.statusOf', { name: c.name })}
                        </label>
                        <select id={`status-${c.id}`} name="status" style="width:auto">
                          {componentStatusOptions(t).map(([value, label]) => (
                            <option key={value} value={value} selected={value === c.status}>
                              {label}
                            </option>
                          ))}
                        </select>
                        <button type="submit" class="secondary">
                          {t('adminComponents.setStatus')}
                          <span class="sr-only"> {t('adminComponents.ofComponent', { name: c.name })}</span>
                        </button>
                      </form>
                    )}
                    {index > 0 && <MoveButton s={s} c={c} direction="up" />}
                    {index < peers.length - 1 && <MoveButton s={s} c={c} direction="down" />}
                    <a href={`/admin/components/${c.id}/edit`}>
                      {t('admin.edit')}
                      <span class="sr-only"> {c.name}</span>
                    </a>
                    <a href={`/admin/components/${c.id}/delete`}>
                      {t('admin.delete')}
                      <span class="sr-only"> {c.name}</span>
                    </a>
                  </div>
                )}
              </li>
            );
          })}
        </ul>
      )}
    </>
  );
}

/** What the source page offered when the operator asked for its components. */
export interface SourceListing {
  url: string;
  choices: SourceChoice[];
  error: string | null;
}

export function ComponentForm({
  s,
  form,
  component,
  groups,
  source = null,
}: {
  s: Screen;
  form: FormState;
  component: Component | null;
  groups: Component[];
  source?: SourceListing | null;
}) {
  const t = useT();
  const isGroup = component?.isGroup ?? false;
  const action = component ? `/admin/components/${component.id}` : '/admin/components';
  return (
    <>
      <h1>{component ? t('adminComponents.editTitle', { name: component.name }) : t('adminComponents.addComponent')}</h1>
      <FormAlert form={form} />
      {!isGroup && (
        <form method="get" action={component ? `/admin/components/${component.id}/edit` : '/admin/components/new'} class="card">
          <div class="field">
            <label for="source-lookup">{t('adminComponents.sourceLookup')}</label>
            <input id="source-lookup" name="source" type="url" value={source?.url ?? component?.thirdParty?.sourceUrl ?? ''} />
          </div>
          <button type="submit" class="secondary">
            {t('adminComponents.sourceList')}
          </button>
        </form>
      )}
      <form method="post" action={action} class="card" novalidate>
        <CsrfField token={s.session.csrfToken} />
        <Field name="name" label={t('adminComponents.name')} form={form} required />
        <TextArea
          name="description"
          label={optionalLabel(t, t('adminComponents.description'))}
          form={form}
          rows={3}
          hint={t('adminComponents.descriptionHint')}
        />
        {!isGroup && (
          <>
            <Select
              name="groupId"
              label={t('adminComponents.group')}
              form={form}
              options={[['', t('adminComponents.noGroup')] as const, ...groups.map((g) => [g.id, g.name] as const)]}
            />
            <Select
              name="status"
              label={t('adminComponents.status')}
              form={form}
              options={componentStatusOptions(t)}
              initial="operational"
            />
            <Field
              name="startDate"
              label={optionalLabel(t, t('adminComponents.startDate'))}
              type="date"
              form={form}
              hint={t('adminComponents.startDateHint')}
            />
          </>
        )}
        <TranslationFields s={s} form={form} />
        <Fieldset legend={t('adminComponents.display')}>
          <Checkbox name="showcase" label={t('adminComponents.showcaseComponent')} form={form} initial={component?.showcase ?? true} />
          {!isGroup && (
            <Checkbox
              name="onlyShowIfDegraded"
              label={t('adminComponents.onlyShowIfDegraded')}
              form={form}
              initial={component?.onlyShowIfDegraded ?? false}
            />
          )}
        </Fieldset>
        {!isGroup && (
          <Fieldset legend={optionalLabel(t, t('adminComponents.sourceLegend'))}>
            <p class="hint">{t('adminComponents.sourceHint')}</p>
            <Field name="thirdPartySourceUrl" label={t('adminComponents.sourceUrl')} type="url" form={form} initial={source?.url ?? ''} />
            {source !== null && source.error !== null && (
              <p class="hint" role="status">
                {source.choices.length > 0
                  ? t('adminComponents.sourceStale', { error: source.error })
                  : t('adminComponents.sourceUnreadable', { error: source.error })}
              </p>
            )}
            {source !== null && source.choices.length > 0 && (
              <datalist id="upstream-components">
                {source.choices.map((c) => (
                  <option key={c.id} value={c.id} label={c.isGroup ? `${c.path} ${t('adminComponents.groupMark')}` : c.path} />
                ))}
              </datalist>
            )}
            <Field
              name="thirdPartyComponentId"
              label={t('adminComponents.sourceComponent')}
              form={form}
              list={source !== null && source.choices.length > 0 ? 'upstream-components' : undefined}
              hint={
                source !== null && source.choices.length > 0
                  ? t('adminComponents.sourceListed', { count: source.choices.length })
                  : t('adminComponents.sourceComponentHint')
              }
            />
          </Fieldset>
        )}
        <div class="actions">
          <button type="submit">{component ? t('admin.save') : t('adminComponents.addComponentButton')}</button>
          <a href="/admin/components">{t('admin.cancel')}</a>
        </div>
      </form>
    </>
  );
}

/**
 * The name and description in each of the page's other languages, folded away until wanted:
 * a visitor reading one of them gets these, or the text above when a field is empty.
 */
function TranslationFields({ s, form }: { s: Screen; form: FormState }) {
  const t = useT();
  const locales = translatableLocales(s.page);
  if (locales.length === 0) return null;
  const filled = locales.filter(
    (l) => text(form.values, `translations.${l}.name`) !== '' || text(form.values, `translations.${l}.description`) !== '',
  );
  return (
    <details class="translations" open={filled.length > 0 || Object.keys(form.errors).some((k) => k.startsWith('translations.'))}>
      <summary>
        {filled.length > 0
          ? t('adminComponents.translationsFilled', { languages: filled.map((l) => localeNames[l]).join(', ') })
          : optionalLabel(t, t('adminComponents.translations'))}
      </summary>
      <p class="hint">{t('adminComponents.translationsHint')}</p>
      {locales.map((locale) => (
        <Fieldset key={locale} legend={localeNames[locale]}>
          <Field
            name={`translations.${locale}.name`}
            label={t('adminComponents.nameIn', { language: localeNames[locale] })}
            form={form}
            lang={locale}
          />
          <TextArea
            name={`translations.${locale}.description`}
            label={t('adminComponents.descriptionIn', { language: localeNames[locale] })}
            form={form}
            rows={2}
            lang={locale}
          />
        </Fieldset>
      ))}
    </details>
  );
}

export function GroupForm({ s, form, components }: { s: Screen; form: FormState; components: Component[] }) {
  const t = useT();
  const candidates = components.filter((c) => !c.isGroup);
  return (
    <>
      <h1>{t('adminComponents.addGroup')}</h1>
      <FormAlert form={form} />
      <form method="post" action="/admin/groups" class="card" novalidate>
        <CsrfField token={s.session.csrfToken} />
        <Field name="name" label={t('adminComponents.groupName')} form={form} required />
        <TextArea name="description" label={optionalLabel(t, t('adminComponents.description'))} form={form} rows={3} />
        <Fieldset legend={t('adminComponents.groupMembers')} name="componentIds" error={form.errors['componentIds']}>
          {candidates.length === 0 && <p>{t('adminComponents.groupNeedsComponents')}</p>}
          {candidates.map((c) => (
            <Checkbox key={c.id} name="componentIds" value={c.id} label={c.name} form={form} />
          ))}
        </Fieldset>
        <TranslationFields s={s} form={form} />
        <Checkbox name="showcase" label={t('adminComponents.showcaseGroup')} form={form} initial />
        <div class="actions">
          <button type="submit">{t('adminComponents.addGroupButton')}</button>
          <a href="/admin/components">{t('admin.cancel')}</a>
        </div>
      </form>
    </>
  );
}

export function ConfirmDelete({ s, component }: { s: Screen; component: Component }) {
  const t = useT();
  return (
    <>
      <h1>{t('adminComponents.deleteQuestion', { name: component.name })}</h1>
      <div class="card">
        <p>
          {component.isGroup ? t('adminComponents.deleteGroupEffect') : t('adminComponents.deleteComponentEffect')}{' '}
          {t('adminComponents.cannotUndo')}
        </p>
        <form method="post" action={`/admin/components/${component.id}/delete`} class="actions">
          <CsrfField token={s.session.csrfToken} />
          <button type="submit" class="danger">
            {t('admin.delete')}
            <span class="sr-only"> {component.name}</span>
          </button>
          <a href="/admin/components">{t('adminComponents.keepIt')}</a>
        </form>
      </div>
    </>
  );
}
