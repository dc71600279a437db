import type { MessageKey } from '../../i18n/translate.ts';
import type { Page, PageChanges } from '../../modules/page/index.ts';
import type { supportedLocales } from '../../shared/locales.ts';
import { checked, FieldError, list, optional, text, type FormBody } from '../form-values.ts';

/** Each colour with the key of its label: the status colours carry the public page's own status names. */
export const colourFields = [
  ['operational', 'status.operational'],
  ['degraded', 'status.degraded_performance'],
  ['partial', 'status.partial_outage'],
  ['major', 'status.major_outage'],
  ['maintenance', 'status.under_maintenance'],
  ['noData', 'adminSettings.colourNoData'],
  ['link', 'adminSettings.colourLinks'],
  ['headerBackground', 'adminSettings.colourHeaderBackground'],
] as const satisfies readonly (readonly [string, MessageKey])[];
export type ColourKey = (typeof colourFields)[number][0];

/** What the page uses when a colour is not set (Statuspage's status colours; the page's link and header ink). */
export const defaultColours: Record<ColourKey, string> = {
  operational: '#2fcc66',
  degraded: '#f1c40f',
  partial: '#e67e22',
  major: '#e74c3c',
  maintenance: '#3498db',
  noData: '#b3bac5',
  link: '#1d4ed8',
  headerBackground: '#1f2933',
};

export const footerLinkRows = 5;

/** The settings form as updatePageSettings takes it; empty optional fields clear the setting. */
export function pageChanges(body: FormBody, current: Page['settings']): PageChanges {
  const colours: Record<string, string> = {};
  for (const [key] of colourFields) {
    // "Aviso's default" ticked (a colour picker always sends a colour) leaves the colour unset.
    const value = checked(body, `colour-${key}-default`) ? null : optional(body, `colour-${key}`);
    if (value !== null) colours[key] = value;
  }
  const footerLinks: { label: string; url: string }[] = [];
  for (let i = 0; i < footerLinkRows; i++) {
    const label = optional(body, `footerLabel-${i}`);
    const url = optional(body, `footerUrl-${i}`);
    if (label === null && url === null) continue;
    if (label === null) throw new FieldError(`footerLabel-${i}`, 'Give the link a label.', 'adminSettings.footerLabelMissing');
    if (url === null) throw new FieldError(`footerUrl-${i}`, 'Give the link an address.', 'adminSettings.footerUrlMissing');
    footerLinks.push({ label, url });
  }
  // Settings this form does not show (subscriptions, Twitter) are kept as they are.
  const settings: Record<string, unknown> = { ...current, colours, footerLinks };
  for (const key of ['logoUrl', 'faviconUrl', 'homepageUrl', 'supportUrl'] as const) {
    const value = optional(body, key);
    if (value !== null) settings[key] = value;
    else delete settings[key];
  }
  const frameAncestors = text(body, 'frameAncestors')
    .split(/[\s,]+/)
    .filter((origin) => origin !== '');
  if (frameAncestors.length > 0) settings['frameAncestors'] = frameAncestors;
  else delete settings['frameAncestors'];
  const locales = list(body, 'locales');
  return {
    name: text(body, 'name'),
    timeZone: text(body, 'timeZone').trim(),
    defaultLocale: text(body, 'defaultLocale') as PageChanges['defaultLocale'] & string,
    locales: (locales.length === 0 ? [text(body, 'defaultLocale')] : locales) as (typeof supportedLocales)[number][],
    settings: settings,
  };
}

/** Maps the verb's field paths to the form's fields. */
export const settingsFieldPaths: Record<string, string> = {
  ...Object.fromEntries(colourFields.map(([key]) => [`settings.colours.${key}`, `colour-${key}`])),
  ...Object.fromEntries(Array.from({ length: footerLinkRows }, (_, i) => [`settings.footerLinks.${i}`, `footerUrl-${i}`])),
  ...Object.fromEntries(Array.from({ length: footerLinkRows }, (_, i) => [`settings.footerLinks.${i}.url`, `footerUrl-${i}`])),
  ...Object.fromEntries(Array.from({ length: footerLinkRows }, (_, i) => [`settings.footerLinks.${i}.label`, `footerLabel-${i}`])),
  'settings.logoUrl': 'logoUrl',
  'settings.faviconUrl': 'faviconUrl',
  'settings.homepageUrl': 'homepageUrl',
  'settings.supportUrl': 'supportUrl',
  'settings.frameAncestors': 'frameAncestors',
  ...Object.fromEntries(Array.from({ length: 20 }, (_, i) => [`settings.frameAncestors.${i}`, 'frameAncestors'])),
  locales: 'locales',
};

export function settingsValues(page: Page): FormBody {
  const values: FormBody = {
    name: page.name,
    timeZone: page.timeZone,
    defaultLocale: page.defaultLocale,
    locales: page.locales,
    logoUrl: page.settings.logoUrl ?? '',
    faviconUrl: page.settings.faviconUrl ?? '',
    homepageUrl: page.settings.homepageUrl ?? '',
    supportUrl: page.settings.supportUrl ?? '',
    frameAncestors: (page.settings.frameAncestors ?? []).join(' '),
  };
  for (const [key] of colourFields) values[`colour-${key}`] = page.settings.colours?.[key] ?? '';
  (page.settings.footerLinks ?? []).forEach((link, i) => {
    values[`footerLabel-${i}`] = link.label;
    values[`footerUrl-${i}`] = link.url;
  });
  return values;
}
