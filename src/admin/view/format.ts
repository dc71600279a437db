import { componentStatuses, type ComponentStatus } from '../../modules/components/index.ts';
import type { EventStatus, Impact } from '../../modules/incidents/index.ts';
import type { Translator } from '../../i18n/translate.ts';
import type { Locale } from '../../shared/locales.ts';

/** A component status in the member's language: the public page's own term (`status.*`). */
export function componentStatusLabel(t: Translator, status: ComponentStatus): string {
  return t(`status.${status}`);
}

/** The component statuses as a select offers them, in the member's language. */
export function componentStatusOptions(t: Translator): (readonly [ComponentStatus, string])[] {
  return componentStatuses.map((status) => [status, componentStatusLabel(t, status)] as const);
}

/** An incident or maintenance status in the member's language: the public page's own term (`label.*`). */
export function eventStatusLabel(t: Translator, status: EventStatus): string {
  return t(`label.${status}`);
}

/** An impact in the member's language (`impact.*`). */
export function impactLabel(t: Translator, impact: Impact): string {
  return t(`impact.${impact}`);
}

/** A date and time as operators read it: in the page's time zone, with the zone named, in the member's language. */
export function formatTime(date: Date | null | undefined, timeZone: string, locale: Locale = 'en'): string {
  if (date === null || date === undefined) return '—';
  return new Intl.DateTimeFormat(locale === 'en' ? 'en-GB' : locale, {
    timeZone,
    year: 'numeric',
    month: 'short',
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    timeZoneName: 'short',
  }).format(date);
}
