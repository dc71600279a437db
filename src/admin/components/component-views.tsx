import { componentStatuses, type Component } from '../../modules/components/index.ts';
import type { SourceChoice, ThirdPartySource } from '../../modules/third-party/index.ts';
import type { Screen } from '../admin-screen.tsx';
import { text, type FormState } from '../form-values.ts';
import { localeNames } from '../../i18n/negotiate-locale.ts';
import { translatableLocales } from './component-form.ts';
import { componentStatusLabels, formatTime } from '../view/format.ts';
import { Checkbox, CsrfField, Field, Fieldset, FormAlert, Select, TextArea } from '../view/form-fields.tsx';

export const statusOptions = componentStatuses.map((s) => [s, componentStatusLabels[s]] as const);

export function StatusBadge({ status }: { status: Component['status'] }) {
  return <span class={`badge s-${status}`}>{componentStatusLabels[status]}</span>;
}

function MoveButton({ s, c, direction }: { s: Screen; c: Component; direction: 'up' | 'down' }) {
  return (
    <form method="post" action={`/admin/components/${c.id}/move`} class="inline">
      <CsrfField token={s.session.csrfToken} />
      <input type="hidden" name="direction" value={direction} />
      <button type="submit" class="secondary">
        {direction === 'up' ? 'Move up' : 'Move down'}
        <span class="sr-only"> {c.name}</span>
      </button>
    </form>
  );
}

const holdDurations = [
  ['15', '15 minutes'],
  ['60', '1 hour'],
  ['240', '4 hours'],
  ['1440', '24 hours'],
] as const;

/** A mirrored component's status is not set but held against its source for a while, or released. */
function HoldForms({ s, c }: { s: Screen; c: Component }) {
  return (
    <>
      <form method="post" action={`/admin/components/${c.id}/hold`} class="actions" style="margin:0">
        <CsrfField token={s.session.csrfToken} />
        <label for={`hold-status-${c.id}`} class="sr-only">
          Status to hold for {c.name}
        </label>
        <select id={`hold-status-${c.id}`} name="status" style="width:auto">
          {statusOptions.map(([value, label]) => (
            <option key={value} value={value} selected={value === c.status}>
              {label}
            </option>
          ))}
        </select>
        <label for={`hold-minutes-${c.id}`} class="sr-only">
          For how long
        </label>
        <select id={`hold-minutes-${c.id}`} name="minutes" style="width:auto">
          {holdDurations.map(([value, label]) => (
            <option key={value} value={value}>
              for {label}
            </option>
          ))}
        </select>
        <button type="submit" class="secondary">
          Hold status<span class="sr-only"> of {c.name}</span>
        </button>
      </form>
      {c.mirrorHeldUntil !== null && (
        <form method="post" action={`/admin/components/${c.id}/release`} class="inline">
          <CsrfField token={s.session.csrfToken} />
          <button type="submit" class="secondary">
            Follow the source again<span class="sr-only"> for {c.name}</span>
          </button>
        </form>
      )}
    </>
  );
}

export function ComponentList({ s, components }: { s: Screen; components: Component[] }) {
  const manage = s.can('manage_components');
  const siblings = (c: Component) => components.filter((x) => x.groupId === c.groupId);
  return (
    <>
      <h1>Components</h1>
      {manage && (
        <p class="actions">
          <a class="button" href="/admin/components/new">
            Add a component
          </a>
          <a class="button secondary" href="/admin/groups/new">
            Add a group
          </a>
        </p>
      )}
      {components.length === 0 ? (
        <p>No components yet. Add the services your visitors rely on.</p>
      ) : (
        <ul class="items" aria-label="Components in page order">
          {components.map((c) => {
            const peers = siblings(c);
            const index = peers.indexOf(c);
            return (
              <li key={c.id} class={c.groupId ? 'child' : undefined}>
                <h2 style="margin:0;font-size:1.05rem">
                  {c.name} {c.isGroup ? <span class="meta">(group)</span> : null} <StatusBadge status={c.status} />
                </h2>
                <p class="meta">
                  {[
                    c.showcase ? 'Showcased (uptime bars)' : 'Not showcased',
                    c.startDate ? `Uptime from ${c.startDate}` : null,
                    c.thirdParty ? `Mirrors ${c.thirdParty.componentId} on ${c.thirdParty.sourceUrl}` : null,
                    c.statusUnknownSince ? `Status unknown since ${formatTime(c.statusUnknownSince, s.page.timeZone)}` : null,
                    c.mirrorHeldUntil ? `Held by an operator until ${formatTime(c.mirrorHeldUntil, s.page.timeZone)}` : null,
                    c.onlyShowIfDegraded ? 'Shown only when degraded' : null,
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
                          Status of {c.name}
                        </label>
                        <select id={`status-${c.id}`} name="status" style="width:auto">
                          {statusOptions.map(([value, label]) => (
                            <option key={value} value={value} selected={value === c.status}>
                              {label}
                            </option>
                          ))}
                        </select>
                        <button type="submit" class="secondary">
                          Set status<span class="sr-only"> of {c.name}</span>
                        </button>
                      </form>
                    )}
                    {index > 0 && <MoveButton s={s} c={c} direction="up" />}
                    {index < peers.length - 1 && <MoveButton s={s} c={c} direction="down" />}
                    <a href={`/admin/components/${c.id}/edit`}>
                      Edit<span class="sr-only"> {c.name}</span>
                    </a>
                    <a href={`/admin/components/${c.id}/delete`}>
                      Delete<span class="sr-only"> {c.name}</span>
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
  const isGroup = component?.isGroup ?? false;
  const action = component ? `/admin/components/${component.id}` : '/admin/components';
  return (
    <>
      <h1>{component ? `Edit ${component.name}` : 'Add a component'}</h1>
      <FormAlert form={form} />
      {!isGroup && (
        <form method="get" action={component ? `/admin/components/${component.id}/edit` : '/admin/components/new'} class="card">
          <div class="field">
            <label for="source-lookup">Mirror another status page: its address</label>
            <input id="source-lookup" name="source" type="url" value={source?.url ?? component?.thirdParty?.sourceUrl ?? ''} />
          </div>
          <button type="submit" class="secondary">
            List the components of this page
          </button>
        </form>
      )}
      <form method="post" action={action} class="card" novalidate>
        <CsrfField token={s.session.csrfToken} />
        <Field name="name" label="Name" form={form} required />
        <TextArea name="description" label="Description (optional)" form={form} rows={3} hint="Shown to visitors next to the component." />
        {!isGroup && (
          <>
            <Select
              name="groupId"
              label="Group"
              form={form}
              options={[['', 'No group (top level)'] as const, ...groups.map((g) => [g.id, g.name] as const)]}
            />
            <Select name="status" label="Status" form={form} options={statusOptions} initial="operational" />
            <Field
              name="startDate"
              label="Start date (optional)"
              type="date"
              form={form}
              hint="Uptime is counted from this day; days before it show as no data."
            />
          </>
        )}
        <TranslationFields s={s} form={form} />
        <Fieldset legend="Display">
          <Checkbox
            name="showcase"
            label="Showcase: show the uptime bars for this component"
            form={form}
            initial={component?.showcase ?? true}
          />
          {!isGroup && (
            <Checkbox
              name="onlyShowIfDegraded"
              label="Show on the page only while it is not operational"
              form={form}
              initial={component?.onlyShowIfDegraded ?? false}
            />
          )}
        </Fieldset>
        {!isGroup && (
          <Fieldset legend="Third-party source (optional)">
            <p class="hint">
              Mirror a component (or a group) of another status page: Atlassian Statuspage, incident.io, another Aviso or Instatus. Its
              status follows the source within a minute; webhooks hear of changes, email and chat subscribers never do.
            </p>
            <Field name="thirdPartySourceUrl" label="Source page URL" type="url" form={form} initial={source?.url ?? ''} />
            {source !== null && source.error !== null && (
              <p class="hint" role="status">
                {source.choices.length > 0
                  ? `The page could not be read now (${source.error}); these are its components as last read.`
                  : `The page could not be read: ${source.error}.`}
              </p>
            )}
            {source !== null && source.choices.length > 0 && (
              <datalist id="upstream-components">
                {source.choices.map((c) => (
                  <option key={c.id} value={c.id} label={c.isGroup ? `${c.path} (group)` : c.path} />
                ))}
              </datalist>
            )}
            <Field
              name="thirdPartyComponentId"
              label="Component on that page"
              form={form}
              list={source !== null && source.choices.length > 0 ? 'upstream-components' : undefined}
              hint={
                source !== null && source.choices.length > 0
                  ? `${source.choices.length} components listed: type part of a name to search.`
                  : 'Its id, or its path as the page names it (Email Services → Outbound Delivery).'
              }
            />
          </Fieldset>
        )}
        <div class="actions">
          <button type="submit">{component ? 'Save' : 'Add component'}</button>
          <a href="/admin/components">Cancel</a>
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
  const locales = translatableLocales(s.page);
  if (locales.length === 0) return null;
  const filled = locales.filter(
    (l) => text(form.values, `translations.${l}.name`) !== '' || text(form.values, `translations.${l}.description`) !== '',
  );
  return (
    <details class="translations" open={filled.length > 0 || Object.keys(form.errors).some((k) => k.startsWith('translations.'))}>
      <summary>Translations {filled.length > 0 ? `(${filled.map((l) => localeNames[l]).join(', ')})` : '(optional)'}</summary>
      <p class="hint">Visitors reading another of the page's languages see these; an empty field shows the text above.</p>
      {locales.map((locale) => (
        <Fieldset key={locale} legend={localeNames[locale]}>
          <Field name={`translations.${locale}.name`} label={`Name in ${localeNames[locale]}`} form={form} lang={locale} />
          <TextArea
            name={`translations.${locale}.description`}
            label={`Description in ${localeNames[locale]}`}
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
  const candidates = components.filter((c) => !c.isGroup);
  return (
    <>
      <h1>Add a group</h1>
      <FormAlert form={form} />
      <form method="post" action="/admin/groups" class="card" novalidate>
        <CsrfField token={s.session.csrfToken} />
        <Field name="name" label="Group name" form={form} required />
        <TextArea name="description" label="Description (optional)" form={form} rows={3} />
        <Fieldset legend="Components in this group" name="componentIds" error={form.errors['componentIds']}>
          {candidates.length === 0 && <p>Add components first; a group is never empty.</p>}
          {candidates.map((c) => (
            <Checkbox key={c.id} name="componentIds" value={c.id} label={c.name} form={form} />
          ))}
        </Fieldset>
        <TranslationFields s={s} form={form} />
        <Checkbox name="showcase" label="Showcase: show the group's uptime bars" form={form} initial />
        <div class="actions">
          <button type="submit">Add group</button>
          <a href="/admin/components">Cancel</a>
        </div>
      </form>
    </>
  );
}

export function ConfirmDelete({ s, component }: { s: Screen; component: Component }) {
  return (
    <>
      <h1>Delete {component.name}?</h1>
      <div class="card">
        <p>
          {component.isGroup
            ? 'The group is removed and its components move to the top level of the page.'
            : 'The component is removed from the page. Its past incidents stay in the history.'}{' '}
          This cannot be undone.
        </p>
        <form method="post" action={`/admin/components/${component.id}/delete`} class="actions">
          <CsrfField token={s.session.csrfToken} />
          <button type="submit" class="danger">
            Delete<span class="sr-only"> {component.name}</span>
          </button>
          <a href="/admin/components">Keep it</a>
        </form>
      </div>
    </>
  );
}

/** The pages third-party components mirror: how often each is read, and how the last reads went. */
export function SourceList({ s, sources }: { s: Screen; sources: ThirdPartySource[] }) {
  if (sources.length === 0) return null;
  const manage = s.can('manage_components');
  const tz = s.page.timeZone;
  return (
    <section aria-labelledby="sources">
      <h2 id="sources">Third-party sources</h2>
      <ul class="items" aria-label="Third-party sources">
        {sources.map((source) => (
          <li key={source.url}>
            <h3 style="margin:0;font-size:1rem">{source.url}</h3>
            <p class="meta">
              {[
                source.kind === 'instatus' ? 'Instatus' : 'Statuspage API v2',
                `read every ${source.intervalSeconds} s`,
                source.lastReadAt ? `last read ${formatTime(source.lastReadAt, tz)}` : 'not read yet',
                source.failingSince
                  ? `failing since ${formatTime(source.failingSince, tz)} (${source.consecutiveFailures} in a row: ${source.lastError ?? ''})`
                  : null,
              ]
                .filter(Boolean)
                .join(' · ')}
            </p>
            {manage && (
              <form method="post" action="/admin/third-party-sources/interval" class="actions" style="margin:0">
                <CsrfField token={s.session.csrfToken} />
                <input type="hidden" name="url" value={source.url} />
                <label for={`interval-${source.url}`}>Seconds between reads</label>
                <input
                  id={`interval-${source.url}`}
                  name="intervalSeconds"
                  type="number"
                  min="30"
                  max="3600"
                  value={String(source.intervalSeconds)}
                  style="width:7rem"
                />
                <button type="submit" class="secondary">
                  Save<span class="sr-only"> the interval of {source.url}</span>
                </button>
              </form>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
