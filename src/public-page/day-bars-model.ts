import type { Incident } from '../modules/incidents/index.ts';
import {
  addDays,
  dailyOutages,
  dayColour,
  dayFill,
  dayStart,
  groupUptime,
  uptimeFromDays,
  type DayColourLevel,
  type DayOutage,
  type UptimeFigure,
  type UptimeSubject,
} from '../modules/uptime/index.ts';

/** How many days the bars span at each width (Statuspage: 90 on wide screens, 60 and 30 on narrower ones). */
export const barSpans = [90, 60, 30] as const;
export type BarSpan = (typeof barSpans)[number];

export interface RelatedEvent {
  id: string;
  name: string;
}

export interface DayView {
  outage: DayOutage;
  level: DayColourLevel;
  fill: string;
  related: RelatedEvent[];
}

export interface DayBars {
  days: DayView[];
  /** The figure over the last 90, 60 and 30 days. */
  uptime: Record<BarSpan, UptimeFigure>;
}

/** When an event touched its components: from its start to its resolution (or its scheduled end, or now). */
function eventSpan(event: Incident, now: Date): [number, number] {
  const end =
    event.resolvedAt ?? (event.kind === 'maintenance' && event.status === 'scheduled' ? event.schedule?.scheduledUntil : undefined) ?? now;
  return [event.startedAt.getTime(), Math.max(end.getTime(), event.startedAt.getTime())];
}

/** Events of a component that overlap one day, for the day's tooltip. */
export function relatedEvents(componentId: string, date: string, events: readonly Incident[], timeZone: string, now: Date): RelatedEvent[] {
  const from = dayStart(date, timeZone);
  const to = dayStart(addDays(date, 1), timeZone);
  return events
    .filter((e) => e.componentIds.includes(componentId as Incident['componentIds'][number]))
    .filter((e) => {
      const [start, end] = eventSpan(e, now);
      return start < to && end >= from;
    })
    .map((e) => ({ id: e.id, name: e.name }));
}

/** The 90 days ending today for one component: colours, outages and related events, with the 90/60/30-day figures. */
export function buildDayBars(
  componentId: string,
  subject: UptimeSubject,
  events: readonly Incident[],
  today: string,
  timeZone: string,
  now: Date,
): DayBars {
  const outages = dailyOutages(subject, addDays(today, -89), today, timeZone, now);
  const days = outages.map((outage) => {
    const hasDowntime = outage.majorSeconds + outage.partialSeconds + outage.degradedSeconds + outage.maintenanceSeconds > 0;
    return {
      outage,
      level: dayColour(outage),
      fill: dayFill(outage),
      related: hasDowntime ? relatedEvents(componentId, outage.date, events, timeZone, now) : [],
    };
  });
  const last = (n: number) => uptimeFromDays(outages.slice(outages.length - n));
  return { days, uptime: { 90: last(90), 60: last(60), 30: last(30) } };
}

const weighted = (o: DayOutage) => o.majorSeconds + 0.3 * o.partialSeconds;

/**
 * A group's bars from its showcased children's: each day is shown as its worst child's day (a group
 * takes the status of its most degraded child) with the events of every child, and the figures are
 * the truncated mean of the children's exact figures, as Statuspage computes them.
 */
export function buildGroupBars(children: readonly DayBars[]): DayBars | null {
  const first = children[0];
  if (first === undefined) return null;
  const days = first.days.map((_, i) => {
    const candidates = children.map((c) => c.days[i]!).filter((d) => d.outage.hasData);
    if (candidates.length === 0) return first.days[i]!;
    const worst = candidates.reduce((a, b) => (weighted(b.outage) > weighted(a.outage) ? b : a));
    const related = new Map(candidates.flatMap((d) => d.related).map((r) => [r.id, r]));
    return { ...worst, related: [...related.values()] };
  });
  const uptime = Object.fromEntries(barSpans.map((span) => [span, groupUptime(children.map((c) => c.uptime[span]))])) as Record<
    BarSpan,
    UptimeFigure
  >;
  return { days, uptime };
}
