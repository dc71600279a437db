import type { Locale } from '../../../shared/locales.ts';
import { localizeComponent, type Component } from '../../components/index.ts';
import { localizeIncident, type Incident } from '../../incidents/index.ts';
import type { Page } from '../../page/index.ts';
import type { Subscriber } from '../../subscribers/index.ts';
import type { NotificationEvent } from '../notification-event.ts';
import { t, type MessageKey } from '../../../i18n/translate.ts';
import { updateBodyText } from '../../../i18n/update-body.ts';

/** What the event says, in one language, before a channel gives it its shape. */
export interface NotificationContent {
  subject: string;
  title: string;
  statusLabel: string | null;
  /** A sentence of Aviso's before the body (the postmortem's announcement), plain text. */
  intro: string | null;
  /** The operator's words as written, or Aviso's own sentence for the update or notice. */
  body: string;
  /** Whether `body` is Markdown (an update or postmortem) rather than Aviso's plain notice text. */
  markdown: boolean;
  when: string | null;
  components: { name: string; status: string; statusLabel: string }[];
  link: { label: string; url: string } | null;
  /** A line under the link (e.g. "ignore this if it was not you"). */
  aside: string | null;
  /** Red, orange, yellow, blue or green for chat messages, from the impact. */
  colour: string;
  pageName: string;
  /** Whether the message carries manage and unsubscribe links. */
  hasSubscriptionLinks: boolean;
}

/** The data an event is rendered from, loaded once per batch of deliveries. */
export interface RenderSource {
  page: Page;
  publicUrl: string;
  incident?: Incident;
  component?: Component;
  /** Every component, for the operator's translations of the names an update froze. */
  components?: Component[];
}

const impactColours: Record<string, string> = {
  critical: '#e74c3c',
  major: '#e67e22',
  minor: '#f1c40f',
  maintenance: '#3498db',
  none: '#2fcc66',
};

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatTime(date: Date, locale: Locale, timeZone: string): string {
  const key = `${locale}|${timeZone}`;
  let format = formatters.get(key);
  if (format === undefined) {
    // Building a formatter costs far more than using one; a fan-out formats the same way thousands of times.
    format = new Intl.DateTimeFormat(locale, {
      year: 'numeric',
      month: 'short',
      day: 'numeric',
      hour: '2-digit',
      minute: '2-digit',
      timeZone,
      timeZoneName: 'short',
    });
    formatters.set(key, format);
  }
  return format.format(date);
}

export function buildContent(
  event: NotificationEvent,
  source: RenderSource,
  subscriber: Subscriber,
  links: { confirm: string },
): NotificationContent {
  const locale = subscriber.locale;
  const page = source.page.name;
  const base = {
    pageName: page,
    aside: null,
    intro: null,
    markdown: false,
    statusLabel: null,
    when: null,
    components: [],
    colour: impactColours.none!,
    hasSubscriptionLinks: true,
  };
  if (event.kind === 'subscriber.confirmation') {
    return {
      ...base,
      subject: t(locale, 'notify.confirmSubject', { page }),
      title: t(locale, 'notify.confirmSubject', { page }),
      body: t(locale, 'notify.confirmBody', { page }),
      link: { label: t(locale, 'notify.confirmButton'), url: links.confirm },
      aside: t(locale, 'notify.confirmIgnore'),
      hasSubscriptionLinks: false,
    };
  }
  if (event.kind === 'subscriber.quarantined') {
    const body = t(locale, 'notify.quarantineBody', { url: subscriber.address, count: subscriber.failureCount, page });
    return {
      ...base,
      subject: t(locale, 'notify.quarantineSubject', { page }),
      title: t(locale, 'notify.quarantineSubject', { page }),
      body,
      link: { label: page, url: source.publicUrl },
      colour: impactColours.major!,
      hasSubscriptionLinks: false,
    };
  }
  if (event.kind === 'component.updated') {
    const name = source.component === undefined ? event.componentId : localizeComponent(source.component, locale).name;
    const label = t(locale, `status.${event.newStatus}` as MessageKey);
    return {
      ...base,
      subject: `[${page}] ${name}: ${label}`,
      title: name,
      statusLabel: label,
      body: '',
      link: { label: page, url: source.publicUrl },
      components: [{ name, status: event.newStatus, statusLabel: label }],
    };
  }
  // The operator's translation in the subscriber's language, where there is one.
  const incident = localizeIncident(source.incident!, locale);
  const isMaintenance = incident.kind === 'maintenance';
  const link = {
    label: t(locale, isMaintenance ? 'notify.viewMaintenance' : 'notify.viewIncident'),
    url: `${source.publicUrl}/incidents/${incident.id}`,
  };
  const colour = impactColours[incident.impact] ?? impactColours.none!;
  if (event.kind === 'postmortem.published') {
    return {
      ...base,
      subject: t(locale, 'notify.postmortemSubject', { page, name: incident.name }),
      title: incident.name,
      statusLabel: t(locale, 'label.postmortem'),
      intro: t(locale, 'notify.postmortemIntro', { name: incident.name }),
      body: incident.postmortem.body ?? '',
      markdown: true,
      link,
      colour,
    };
  }
  const update = incident.updates.find((u) => u.id === event.incidentUpdateId) ?? incident.updates[0]!;
  const when =
    isMaintenance && incident.schedule !== null && update.status === 'scheduled'
      ? t(locale, 'notify.scheduledWindow', {
          start: formatTime(incident.schedule.scheduledFor, locale, source.page.timeZone),
          end: formatTime(incident.schedule.scheduledUntil, locale, source.page.timeZone),
        })
      : t(locale, 'notify.postedAt', { time: formatTime(update.displayAt, locale, source.page.timeZone) });
  return {
    ...base,
    subject: t(locale, isMaintenance ? 'notify.maintenanceSubject' : 'notify.incidentSubject', { page, name: incident.name }),
    title: incident.name,
    statusLabel: t(locale, `label.${update.status}` as MessageKey),
    body: updateBodyText(update, locale),
    markdown: true,
    when,
    components: update.affectedComponents.map((c) => ({
      // The name the update froze (in the page's default language), unless the operator translated it.
      name: source.components?.find((k) => k.id === c.componentId)?.translations[locale]?.name ?? c.name,
      status: c.newStatus,
      statusLabel: t(locale, `status.${c.newStatus}` as MessageKey),
    })),
    link,
    colour,
  };
}
