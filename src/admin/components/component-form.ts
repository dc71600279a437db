import type { Component, ComponentStatus, ComponentTranslation } from '../../modules/components/index.ts';
import type { Page } from '../../modules/page/index.ts';
import type { Locale } from '../../shared/locales.ts';
import type { Translator } from '../../i18n/translate.ts';
import { checked, FieldError, optional, text, type FormBody } from '../form-values.ts';

/** The page's languages a component can be translated into: every enabled one but the default. */
export function translatableLocales(page: Pick<Page, 'locales' | 'defaultLocale'>): Locale[] {
  return page.locales.filter((l) => l !== page.defaultLocale);
}

/**
 * The translation fields of the component and group forms (`translations.<locale>.name` and
 * `.description`), every language the form showed: an emptied field removes that translation.
 */
export function translationsInput(body: FormBody, locales: Locale[]): Partial<Record<Locale, ComponentTranslation>> {
  const out: Partial<Record<Locale, ComponentTranslation>> = {};
  for (const locale of locales) {
    const name = body[`translations.${locale}.name`];
    const description = body[`translations.${locale}.description`];
    if (name === undefined && description === undefined) continue;
    out[locale] = { name: text(body, `translations.${locale}.name`), description: text(body, `translations.${locale}.description`) };
  }
  return out;
}

/** A component's translations as its edit form shows them. */
export function translationValues(c: Pick<Component, 'translations'>): FormBody {
  const values: FormBody = {};
  for (const [locale, t] of Object.entries(c.translations)) {
    values[`translations.${locale}.name`] = t?.name ?? '';
    values[`translations.${locale}.description`] = t?.description ?? '';
  }
  return values;
}

/** The component form's fields as the component verbs take them; `t` words the refusal in the member's language. */
export function componentInput(body: FormBody, locales: Locale[], t: Translator) {
  const sourceUrl = optional(body, 'thirdPartySourceUrl');
  const sourceComponent = optional(body, 'thirdPartyComponentId');
  if ((sourceUrl === null) !== (sourceComponent === null)) {
    throw new FieldError(sourceUrl === null ? 'thirdPartySourceUrl' : 'thirdPartyComponentId', t('adminComponents.sourceBothOrNeither'));
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
    translations: translationsInput(body, locales),
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
    ...translationValues(c),
  };
}
