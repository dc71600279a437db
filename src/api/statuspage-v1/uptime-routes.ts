import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { AppDeps } from '../../app-deps.ts';
import { listComponentsInOrder, type Component } from '../../modules/components/index.ts';
import { queryIncidents } from '../../modules/incidents/index.ts';
import { getPage } from '../../modules/page/index.ts';
import {
  addDays,
  dayStart,
  groupUptime,
  loadUptimeSubjects,
  localDate,
  uptimeForRange,
  type UptimeFigure,
} from '../../modules/uptime/index.ts';
import type { Ctx } from '../../shared/context.ts';
import { AppError, notFound } from '../../shared/errors.ts';
import { route } from './route.ts';
import { presentUptime } from './presenters.ts';
import { fieldError } from './request-schemas.ts';

const rangeQuery = z.object({
  start: z.iso.date({ error: 'must be a date like 2025-09-01' }).optional(),
  end: z.iso.date({ error: 'must be a date like 2025-09-01' }).optional(),
});

/** Statuspage's default window: the 90 days shown on the page, ending today. */
const defaultDays = 90;

interface Range {
  from: string;
  to: string;
  start: Date;
  end: Date;
  warnings: string[];
}

function rangeFor(query: Record<string, unknown>, timeZone: string, now: Date): Range {
  const parsed = rangeQuery.safeParse({ start: query.start || undefined, end: query.end || undefined });
  if (!parsed.success) throw fieldError('query', parsed.error);
  const today = localDate(now.getTime(), timeZone);
  const warnings: string[] = [];
  let to = parsed.data.end ?? today;
  if (to > today) {
    to = today;
    warnings.push('End date was adjusted to today. See range_end field in response for end date used.');
  }
  const from = parsed.data.start ?? addDays(to, 1 - defaultDays);
  if (from > to)
    throw new AppError('validation_failed', 'start: must be on or before the end date', [
      { path: 'start', message: 'must be on or before the end date' },
    ]);
  const end = new Date(Math.min(dayStart(addDays(to, 1), timeZone), now.getTime()));
  return { from, to, start: new Date(dayStart(from, timeZone)), end, warnings };
}

/** Incidents and maintenances that touched one of the components during the range. */
async function relatedEvents(ctx: Pick<Ctx, 'db'>, componentIds: string[], range: Range): Promise<string[]> {
  const events = await queryIncidents(ctx, { startedBefore: range.end });
  return events
    .filter((e) => e.componentIds.some((id) => componentIds.includes(id)) && (e.resolvedAt === null || e.resolvedAt >= range.start))
    .map((e) => e.id);
}

async function uptimeOf(ctx: Ctx, id: string, query: Record<string, unknown>, kind: 'component' | 'group') {
  const page = await getPage(ctx);
  const all = await listComponentsInOrder(ctx);
  const subject = all.find((c) => c.id === id && (kind === 'component' ? !c.isGroup : c.isGroup));
  if (subject === undefined) throw notFound('component', id);
  if (!subject.showcase)
    throw new AppError('validation_failed', `Uptime is shown only for showcased components; "${subject.name}" is not showcased.`);
  const now = ctx.clock.now();
  const range = rangeFor(query, page.timeZone, now);
  const subjects = await loadUptimeSubjects(ctx);
  const figureOf = (c: Component): UptimeFigure => uptimeForRange(subjects.get(c.id)!, range.from, range.to, page.timeZone, now);
  const members = kind === 'component' ? [subject] : all.filter((c) => c.groupId === subject.id && c.showcase);
  const figure = kind === 'component' ? figureOf(subject) : groupUptime(members.map(figureOf));
  return presentUptime(subject, {
    rangeStart: range.start,
    rangeEnd: range.end,
    percent: figure.percent,
    majorSeconds: Math.round(figure.majorSeconds),
    partialSeconds: Math.round(figure.partialSeconds),
    warnings: range.warnings,
    relatedEventIds: await relatedEvents(
      ctx,
      members.map((c) => c.id),
      range,
    ),
  });
}

/** `/components/{id}/uptime` and `/component-groups/{id}/uptime`, with optional `start`/`end` dates. */
export function registerUptimeRoutes(scope: FastifyInstance, _deps: AppDeps): void {
  route(scope, 'GET', '/pages/:page_id/components/:component_id/uptime', async ({ caller, params, query }) =>
    uptimeOf(caller.ctx, params.component_id!, query, 'component'),
  );
  route(scope, 'GET', '/pages/:page_id/component-groups/:id/uptime', async ({ caller, params, query }) =>
    uptimeOf(caller.ctx, params.id!, query, 'group'),
  );
}
