import type { Component, ComponentStatus } from '../../modules/components/index.ts';
import { checked, FieldError, optional, text, type FormBody } from '../form-values.ts';

/** The component form's fields as the component verbs take them. */
export function componentInput(body: FormBody) {
  const sourceUrl = optional(body, 'thirdPartySourceUrl');
  const sourceComponent = optional(body, 'thirdPartyComponentId');
  if ((sourceUrl === null) !== (sourceComponent === null)) {
    throw new FieldError(
      sourceUrl === null ? 'thirdPartySourceUrl' : 'thirdPartyComponentId',
      'Give both the source page URL and the component id, or neither.',
    );
  }
  return {
    name: text(body, 'name'),
    description: optional(body, 'description'),
    groupId: optional(body, 'groupId'),
    status: (optional(body, 'status') ?? 'operational') as ComponentStatus,
    showcase: checked(body, 'showcase'),
    onlyShowIfDegraded: checked(body, 'onlyShowIfDegraded'),
    startDate: optional(body, 'startDate'),
    thirdParty: sourceUrl !== null && sourceComponent !== null ? { sourceUrl, componentId: sourceComponent } : null,
  };
}

export const componentFieldPaths = {
  thirdParty: 'thirdPartySourceUrl',
  'thirdParty.sourceUrl': 'thirdPartySourceUrl',
  'thirdParty.componentId': 'thirdPartyComponentId',
};

/** A component as its edit form shows it. */
export function componentValues(c: Component): FormBody {
  return {
    name: c.name,
    description: c.description ?? '',
    groupId: c.groupId ?? '',
    status: c.status,
    startDate: c.startDate ?? '',
    thirdPartySourceUrl: c.thirdParty?.sourceUrl ?? '',
    thirdPartyComponentId: c.thirdParty?.componentId ?? '',
  };
}
