import type { Component } from '../../modules/components/index.ts';
import { fieldId, list, text, type FormState } from '../form-values.ts';
import { componentStatusLabel } from '../view/format.ts';
import { useT } from '../view/admin-i18n.tsx';
import { describedBy, FieldMessages, Select } from '../view/form-fields.tsx';
import { StatusBadge } from '../components/component-views.tsx';
import { componentStatusOptions } from '../view/format.ts';
import { affectedField, affectedStatusField, componentField } from './incident-form.ts';

interface PickerEntry {
  component: Component;
  children: Component[];
}

/** The page's order: top-level components and groups, each group with its components. */
export function pageTree(components: Component[]): PickerEntry[] {
  const entries: PickerEntry[] = [];
  const groups = new Map<string, PickerEntry>();
  for (const c of components.filter((x) => x.groupId === null)) {
    const entry = { component: c, children: [] };
    entries.push(entry);
    if (c.isGroup) groups.set(c.id, entry);
  }
  for (const c of components.filter((x) => x.groupId !== null && !x.isGroup)) {
    const group = groups.get(c.groupId ?? '');
    if (group) group.children.push(c);
    else entries.push({ component: c, children: [] });
  }
  return entries.filter((e) => !e.component.isGroup || e.children.length > 0);
}

/** A submitted form (or a whole record) says which are ticked; a fresh one starts from `initial`. */
function isTicked(form: FormState, name: string, id: string, initial: readonly string[]): boolean {
  const submitted = form.complete === true || form.values['_csrf'] !== undefined;
  return submitted ? list(form.values, name).includes(id) : initial.includes(id);
}

function PickerRow(props: { form: FormState; name: string; component: Component; group?: string; initial: readonly string[] }) {
  const { form, name, component, group } = props;
  const id = `${fieldId(form, name)}-${component.id}`;
  // What the filter box matches: the name, and the group's, so "api" finds every component of an "API" group.
  const words = `${component.name} ${group ?? ''}`.toLowerCase();
  return (
    <div class="check" data-picker-words={words}>
      <input type="checkbox" id={id} name={name} value={component.id} checked={isTicked(form, name, component.id, props.initial)} />
      <label for={id}>
        <span dir="auto">{component.name}</span> <StatusBadge status={component.status} />
      </label>
    </div>
  );
}

/**
 * The components an incident or maintenance affects: one checkbox each, grouped as on the page, each
 * with its current status. Without JS it is the whole list; the admin script adds the filter box
 * and the count of ticked components. With `statusLabel`, one select gives the ticked ones their
 * new status.
 */
export function ComponentPicker(props: {
  form: FormState;
  components: Component[];
  legend: string;
  name?: string;
  /** Ticked in a fresh form (a maintenance's components when editing it). */
  initial?: readonly string[];
  /** Components listed elsewhere in the form (an update's own selects). */
  exclude?: readonly string[];
  statusLabel?: string;
  hint?: string;
}) {
  const { form } = props;
  const name = props.name ?? affectedField;
  const initial = props.initial ?? [];
  const id = fieldId(form, name);
  const error = form.errors[name];
  const shown = props.components.filter((c) => !(props.exclude ?? []).includes(c.id));
  const tree = pageTree(shown);
  const t = useT();
  const hint = props.hint ?? t('adminIncidents.pickerHint');
  // The script writes the count of ticked components; each possible count is worded here, in the member's language.
  const leaves = tree.reduce((n, entry) => n + (entry.component.isGroup ? entry.children.length : 1), 0);
  const counts = Array.from({ length: leaves + 1 }, (_, count) => t('adminIncidents.pickerCount', { count }));
  return (
    <fieldset id={id} class="picker" data-picker aria-describedby={describedBy(id, hint, error)}>
      <legend>{props.legend}</legend>
      <FieldMessages id={id} hint={hint} error={error} />
      {tree.length === 0 ? (
        <p class="hint">{t('adminIncidents.pickerEmpty')}</p>
      ) : (
        <>
          <div class="picker-tools" data-picker-tools hidden>
            <div data-picker-search>
              <label for={`${id}-filter`}>{t('adminIncidents.pickerFilter')}</label>
              <input type="search" id={`${id}-filter`} data-picker-filter autocomplete="off" />
            </div>
            <p class="meta" data-picker-count data-picker-counts={JSON.stringify(counts)} aria-live="polite"></p>
          </div>
          <div class="picker-list">
            {tree.map(({ component, children }) =>
              component.isGroup ? (
                <fieldset key={component.id} class="picker-group" data-picker-group>
                  <legend dir="auto">{component.name}</legend>
                  {children.map((c) => (
                    <PickerRow key={c.id} form={form} name={name} component={c} group={component.name} initial={initial} />
                  ))}
                </fieldset>
              ) : (
                <PickerRow key={component.id} form={form} name={name} component={component} initial={initial} />
              ),
            )}
          </div>
          {props.statusLabel !== undefined && (
            <Select
              name={affectedStatusField}
              label={props.statusLabel}
              form={form}
              options={componentStatusOptions(t).filter(([s]) => s !== 'operational')}
              initial="partial_outage"
            />
          )}
        </>
      )}
    </fieldset>
  );
}

/**
 * An update's components: each one the incident already affects keeps its status unless the
 * operator picks another ("No change" is the default), and the picker adds others.
 */
export function ComponentUpdates(props: { form: FormState; components: Component[]; affected: readonly string[]; ownLegend: string }) {
  const { form, components, affected } = props;
  const own = components.filter((c) => !c.isGroup && affected.includes(c.id));
  const t = useT();
  return (
    <>
      {own.length > 0 && (
        <fieldset>
          <legend>{props.ownLegend}</legend>
          {own.map((c) => (
            <Select
              key={c.id}
              name={componentField(c.id)}
              label={c.name}
              form={form}
              initial={text(form.values, componentField(c.id))}
              options={[
                ['', t('adminIncidents.noChange', { status: componentStatusLabel(t, c.status) })] as const,
                ...componentStatusOptions(t),
              ]}
            />
          ))}
        </fieldset>
      )}
      <ComponentPicker
        form={form}
        components={components}
        exclude={own.map((c) => c.id)}
        legend={own.length > 0 ? t('adminIncidents.otherAffected') : t('adminIncidents.affectedComponents')}
        statusLabel={t('adminIncidents.tickedStatus')}
      />
    </>
  );
}
