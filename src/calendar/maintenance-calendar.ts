import type { Ctx } from '../shared/context.ts';
import { queryIncidents, type Incident } from '../modules/incidents/index.ts';
import { getPage, type Page } from '../modules/page/index.ts';
import { incidentUrl } from '../api/v2/presenters.ts';
import { updateBodyText } from '../i18n/update-body.ts';
import { contentLines, escapeText, utcDateTime } from './ical-text.ts';

/** Past maintenances stay in the calendar for context, the newest first; upcoming ones always fit. */
export const calendarSize = 200;

/**
 * Statuspage has no "cancelled" state; the honest sign is a maintenance marked completed before
 * its window began: it never took place. A deleted maintenance simply leaves the calendar.
 */
export function isCancelled(maintenance: Incident): boolean {
  const schedule = maintenance.schedule;
  return (
    maintenance.status === 'completed' &&
    schedule !== null &&
    maintenance.resolvedAt !== null &&
    maintenance.resolvedAt < schedule.scheduledFor
  );
}

/** The event's last change: the maintenance itself or any of its updates (edits included). */
export function lastModified(maintenance: Incident): Date {
  const times = [maintenance.updatedAt, ...maintenance.updates.map((u) => u.updatedAt)].map((d) => d.getTime());
  return new Date(Math.max(...times));
}

/**
 * RFC 5545's revision number: whole seconds from creation to the last change. Every change to
 * the name, window, status or text moves `updatedAt` forward, so it only ever grows.
 */
export function sequence(maintenance: Incident): number {
  return Math.max(0, Math.floor((lastModified(maintenance).getTime() - maintenance.createdAt.getTime()) / 1000));
}

function event(maintenance: Incident, page: Page, host: string): string[] {
  const schedule = maintenance.schedule;
  const start = schedule?.scheduledFor ?? maintenance.startedAt;
  const end = schedule?.scheduledUntil ?? maintenance.startedAt;
  const latest = maintenance.updates[0];
  const url = incidentUrl(page, maintenance.id);
  const description = latest === undefined ? url : `${updateBodyText(latest, page.defaultLocale)}\n\n${url}`;
  return [
    'BEGIN:VEVENT',
    `UID:${maintenance.id}@${host}`,
    `DTSTAMP:${utcDateTime(lastModified(maintenance))}`,
    `CREATED:${utcDateTime(maintenance.createdAt)}`,
    `LAST-MODIFIED:${utcDateTime(lastModified(maintenance))}`,
    `SEQUENCE:${sequence(maintenance)}`,
    `DTSTART:${utcDateTime(start)}`,
    `DTEND:${utcDateTime(end)}`,
    `SUMMARY:${escapeText(maintenance.name)}`,
    `DESCRIPTION:${escapeText(description)}`,
    `URL:${url}`,
    `STATUS:${isCancelled(maintenance) ? 'CANCELLED' : 'CONFIRMED'}`,
    'TRANSP:TRANSPARENT',
    'CATEGORIES:Maintenance',
    'END:VEVENT',
  ];
}

/** `/maintenances.ics`: every scheduled maintenance as an event, times in UTC. */
export async function renderMaintenanceCalendar(ctx: Pick<Ctx, 'db'>): Promise<string> {
  const page = await getPage(ctx);
  const host = new URL(page.url).host;
  const maintenances = await queryIncidents(ctx, { kind: 'maintenance', limit: calendarSize });
  return contentLines([
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Aviso//Maintenance calendar//EN',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    `X-WR-CALNAME:${escapeText(`${page.name} maintenance`)}`,
    'REFRESH-INTERVAL;VALUE=DURATION:PT1H',
    'X-PUBLISHED-TTL:PT1H',
    ...maintenances.flatMap((m) => event(m, page, host)),
    'END:VCALENDAR',
  ]);
}
