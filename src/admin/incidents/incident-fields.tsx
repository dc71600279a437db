import type { Component } from '../../modules/components/index.ts';
import { impacts, incidentStatuses, maintenanceStatuses, type IncidentKind } from '../../modules/incidents/index.ts';
import { text, type FormState } from '../form-values.ts';
import { componentStatusLabels, eventStatusLabels, impactLabels } from '../view/format.ts';
import { Fieldset, Select } from '../view/form-fields.tsx';
import { statusOptions } from '../components/component-views.tsx';
import { componentField } from './incident-form.ts';

export const incidentStatusOptions = incidentStatuses.map((s) => [s, eventStatusLabels[s]] as const);
export const maintenanceStatusOptions = maintenanceStatuses.map((s) => [s, eventStatusLabels[s]] as const);
export const statusOptionsFor = (kind: IncidentKind) => (kind === 'incident' ? incidentStatusOptions : maintenanceStatusOptions);
export const impactOptions = [['', 'Derived from the affected components'] as const, ...impacts.map((i) => [i, impactLabels[i]] as const)];

/** One select per component: leave it "Not affected", or choose the status it moves to. */
export function ComponentChanges({ form, components, legend }: { form: FormState; components: Component[]; legend?: string }) {
  const groups = new Map(components.filter((c) => c.isGroup).map((c) => [c.id, c.name]));
  const leaves = components.filter((c) => !c.isGroup);
  return (
    <Fieldset legend={legend ?? 'Affected components and their new status'} name="components" error={form.errors['components']} form={form}>
      {leaves.length === 0 && <p class="hint">There are no components yet.</p>}
      {leaves.map((c) => {
        const name = c.groupId && groups.has(c.groupId) ? `${groups.get(c.groupId)} – ${c.name}` : c.name;
        const field = componentField(c.id);
        return (
          <Select
            key={c.id}
            name={field}
            label={name}
            form={form}
            initial={text(form.values, field)}
            options={[['', `Not affected (now ${componentStatusLabels[c.status].toLowerCase()})`] as const, ...statusOptions]}
          />
        );
      })}
    </Fieldset>
  );
}
