import { DateTime } from 'luxon';
import type { Ctx } from '../shared/context.ts';
import { localizeIncident, queryIncidents, updateLabels, type Incident, type UpdateLabel } from '../modules/incidents/index.ts';
import { getPage, type Page } from '../modules/page/index.ts';
import { incidentUrl } from '../api/v2/presenters.ts';
import type { Locale } from '../shared/locales.ts';
import { t } from '../i18n/translate.ts';
import { updateBodyText } from '../i18n/update-body.ts';
import { renderMarkdown } from '../shared/markdown.ts';

/**
 * Statuspage's feeds are in English whatever the page language. Aviso's are in the page's default
 * language, or the one `?locale=` asks for among the page's: labels, dates and Aviso's own sentences.
 * An English page's feed is Statuspage's, byte for byte.
 */
const labelText = (locale: Locale, label: UpdateLabel) => t(locale, `label.${label}`);

/** Statuspage's history feeds hold the 25 events with the latest activity. */
export const feedSize = 25;

export interface FeedEntry {
  id: string;
  title: string;
  link: string;
  /** When the event last said something: its newest update or its postmortem. */
  updated: Date;
  /** One paragraph per update, newest first, as Statuspage writes it. */
  html: string;
}

export interface Feed {
  page: Page;
  locale: Locale;
  host: string;
  updated: Date;
  entries: FeedEntry[];
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

/** Text content and attribute values in XML: the markup characters only, so `'` stays as Statuspage writes it. */
export function escapeXml(text: string): string {
  return text.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);
}

/** The zone's usual abbreviation (CST, CET, BST, IST); English locales differ in which they know. */
function zoneAbbreviation(local: DateTime): string {
  let fallback = '';
  for (const locale of ['en-US', 'en-GB', 'en-IN', 'en-AU']) {
    const name = local.setLocale(locale).toFormat('ZZZZ');
    if (!/^GMT[+-]/.test(name)) return name;
    fallback ||= name;
  }
  return fallback;
}

/** `Dec <var data-var='date'> 9</var>, <var data-var='time'>14:45</var> UTC`, in the page time zone, day space-padded, month in the feed's language. */
function stamp(at: Date, timeZone: string, locale: Locale): string {
  const local = DateTime.fromJSDate(at, { zone: timeZone }).setLocale(locale === 'en' ? 'en-US' : locale);
  const day = String(local.day).padStart(2, ' ');
  return `<small>${local.toFormat('LLL')} <var data-var='date'>${day}</var>, <var data-var='time'>${local.toFormat('HH:mm')}</var> ${escapeHtml(zoneAbbreviation(local))}</small>`;
}

/**
 * An update as Statuspage lays it out: stamp, label and a one-paragraph body in one paragraph, as
 * the page renders its Markdown; a body of several blocks (list, heading, paragraphs) follows them.
 */
function paragraph(at: Date, label: UpdateLabel, body: string, timeZone: string, locale: Locale): string {
  const head = `<p>${stamp(at, timeZone, locale)}<br><strong>${escapeHtml(labelText(locale, label))}</strong>`;
  const html = renderMarkdown(body, 3)
    .replace(/<br>\n/g, '<br>')
    .trim();
  const single = /^<p>((?:(?!<\/?p>).)*)<\/p>$/s.exec(html);
  if (single !== null) return `${head} - ${single[1]}</p>`;
  return `${head}</p>${html}`;
}

export function lastActivity(event: Incident): Date {
  const times = [event.updates[0]?.displayAt ?? event.createdAt, event.postmortem.publishedAt].filter((d): d is Date => d !== null);
  return new Date(Math.max(...times.map((d) => d.getTime())));
}

export function entryHtml(event: Incident, timeZone: string, locale: Locale = 'en'): string {
  const labels = updateLabels(event.updates);
  const parts: string[] = [];
  const { publishedAt, body } = event.postmortem;
  if (event.status === 'postmortem' && publishedAt !== null && body !== null) {
    parts.push(
      `<p>${stamp(publishedAt, timeZone, locale)}<br><strong>${escapeHtml(labelText(locale, 'postmortem'))}</strong></p>${renderMarkdown(body, 2)}`,
    );
  }
  event.updates.forEach((update, index) =>
    parts.push(paragraph(update.displayAt, labels[index] ?? update.status, updateBodyText(update, locale), timeZone, locale)),
  );
  return parts.join('');
}

/** The feed's content: incidents and maintenances together, latest activity first. */
export async function loadFeed(ctx: Pick<Ctx, 'db'>, asked?: Locale): Promise<Feed> {
  const page = await getPage(ctx);
  const locale = asked !== undefined && page.locales.includes(asked) ? asked : page.defaultLocale;
  // Events are listed by start; the latest activity is among the recently started ones.
  const events = await queryIncidents(ctx, { limit: feedSize * 4 });
  const entries = events
    .map((event) => ({ event, updated: lastActivity(event) }))
    .sort((a, b) => b.updated.getTime() - a.updated.getTime() || a.event.id.localeCompare(b.event.id))
    .slice(0, feedSize)
    .map(({ event, updated }) => ({ event: localizeIncident(event, locale), updated }))
    .map(({ event, updated }) => ({
      id: event.id,
      title: event.name,
      link: incidentUrl(page, event.id),
      updated,
      html: entryHtml(event, page.timeZone, locale),
    }));
  return { page, locale, host: new URL(page.url).host, updated: page.updatedAt, entries };
}
