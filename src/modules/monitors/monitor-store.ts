import { sql, type Kysely, type RawBuilder, type Selectable } from 'kysely';
import { fromBool, fromTimestamp, toBool, toNumber, toTimestamp } from '../../storage/dialect.ts';
import type { Database, MonitorsTable, MonitorStatesTable } from '../../storage/tables.ts';
import type { ComponentStatus } from '../components/index.ts';
import type { ComponentId } from '../../shared/ids.ts';
import { initialStatus, type CheckOutcome, type Monitor, type MonitorState, type MonitorStatus } from './monitor.ts';

function toMonitor(row: Selectable<MonitorsTable>): Monitor {
  return {
    id: row.id,
    name: row.name,
    kind: row.kind,
    settings: JSON.parse(row.settings) as unknown,
    componentId: row.componentId as ComponentId | null,
    intervalSeconds: row.intervalSeconds,
    timeoutMs: row.timeoutMs,
    retries: row.retries,
    failureThreshold: row.failureThreshold,
    recoveryThreshold: row.recoveryThreshold,
    failingStatus: row.failingStatus as ComponentStatus,
    degradedStatus: row.degradedStatus as ComponentStatus,
    allowPrivate: toBool(row.allowPrivate),
    paused: toBool(row.paused),
    autoIncident: toBool(row.autoIncident),
    incidentTemplateId: row.incidentTemplateId,
    publicChart: toBool(row.publicChart),
    createdAt: fromTimestamp(row.createdAt),
    updatedAt: fromTimestamp(row.updatedAt),
  } as Monitor;
}

function toRow(m: Monitor): Omit<Selectable<MonitorsTable>, 'pushTokenHash'> {
  return {
    id: m.id,
    name: m.name,
    kind: m.kind,
    settings: JSON.stringify(m.settings),
    componentId: m.componentId,
    intervalSeconds: m.intervalSeconds,
    timeoutMs: m.timeoutMs,
    retries: m.retries,
    failureThreshold: m.failureThreshold,
    recoveryThreshold: m.recoveryThreshold,
    failingStatus: m.failingStatus,
    degradedStatus: m.degradedStatus,
    allowPrivate: fromBool(m.allowPrivate),
    paused: fromBool(m.paused),
    autoIncident: fromBool(m.autoIncident),
    incidentTemplateId: m.incidentTemplateId,
    publicChart: fromBool(m.publicChart),
    createdAt: toTimestamp(m.createdAt),
    updatedAt: toTimestamp(m.updatedAt),
  };
}

function toStatus(row: Selectable<MonitorStatesTable> | undefined): MonitorStatus {
  if (row === undefined) return initialStatus;
  return {
    state: row.state as MonitorState,
    failures: row.failures,
    successes: row.successes,
    lastCheckedAt: fromTimestamp(row.lastCheckedAt),
    lastOutcome: row.lastOutcome as CheckOutcome | null,
    lastReason: row.lastReason,
    lastDurationMs: row.lastDurationMs,
    lastPingAt: fromTimestamp(row.lastPingAt),
    incidentId: row.incidentId,
  };
}

export async function listMonitorRows(db: Kysely<Database>): Promise<Monitor[]> {
  return (await db.selectFrom('monitors').selectAll().orderBy('name').orderBy('id').execute()).map(toMonitor);
}

export async function findMonitor(db: Kysely<Database>, id: string): Promise<Monitor | undefined> {
  const row = await db.selectFrom('monitors').selectAll().where('id', '=', id).executeTakeFirst();
  return row === undefined ? undefined : toMonitor(row);
}

/** The monitors that move a component. */
export async function listMonitorsOfComponent(db: Kysely<Database>, componentId: string): Promise<Monitor[]> {
  return (await db.selectFrom('monitors').selectAll().where('componentId', '=', componentId).orderBy('name').orderBy('id').execute()).map(
    toMonitor,
  );
}

/** Each heartbeat's push token hash, by monitor id (page files carry the hash, never the token). */
export async function listPushTokenHashes(db: Kysely<Database>): Promise<Map<string, string>> {
  const rows = await db.selectFrom('monitors').select(['id', 'pushTokenHash']).where('pushTokenHash', 'is not', null).execute();
  return new Map(rows.map((r) => [r.id, r.pushTokenHash!]));
}

export async function setPushTokenHash(db: Kysely<Database>, id: string, pushTokenHash: string): Promise<void> {
  await db.updateTable('monitors').set({ pushTokenHash }).where('id', '=', id).execute();
}

export async function findMonitorByPushToken(db: Kysely<Database>, tokenHash: string): Promise<Monitor | undefined> {
  const row = await db.selectFrom('monitors').selectAll().where('pushTokenHash', '=', tokenHash).executeTakeFirst();
  return row === undefined ? undefined : toMonitor(row);
}

export async function insertMonitor(db: Kysely<Database>, monitor: Monitor, pushTokenHash: string | null): Promise<void> {
  await db
    .insertInto('monitors')
    .values({ ...toRow(monitor), pushTokenHash })
    .execute();
}

export async function saveMonitor(db: Kysely<Database>, monitor: Monitor): Promise<void> {
  const { id, ...row } = toRow(monitor);
  await db.updateTable('monitors').set(row).where('id', '=', id).execute();
}

export async function deleteMonitorRow(db: Kysely<Database>, id: string): Promise<void> {
  await db.deleteFrom('monitors').where('id', '=', id).execute();
}

export async function findMonitorStatus(db: Kysely<Database>, id: string): Promise<MonitorStatus> {
  return toStatus(await db.selectFrom('monitorStates').selectAll().where('monitorId', '=', id).executeTakeFirst());
}

export async function listMonitorStatuses(db: Kysely<Database>): Promise<Map<string, MonitorStatus>> {
  const rows = await db.selectFrom('monitorStates').selectAll().execute();
  return new Map(rows.map((r) => [r.monitorId, toStatus(r)]));
}

export async function saveMonitorStatus(db: Kysely<Database>, monitorId: string, status: MonitorStatus): Promise<void> {
  const row = {
    state: status.state,
    failures: status.failures,
    successes: status.successes,
    lastCheckedAt: status.lastCheckedAt === null ? null : toTimestamp(status.lastCheckedAt),
    lastOutcome: status.lastOutcome,
    lastReason: status.lastReason,
    lastDurationMs: status.lastDurationMs,
    lastPingAt: status.lastPingAt === null ? null : toTimestamp(status.lastPingAt),
    incidentId: status.incidentId,
  };
  await db
    .insertInto('monitorStates')
    .values({ monitorId, ...row })
    .onConflict((oc) => oc.column('monitorId').doUpdateSet(row))
    .execute();
}

/** A heartbeat arrived: only its time is written, so a ping never races a running check's counters. */
export async function recordPing(db: Kysely<Database>, monitorId: string, at: Date): Promise<void> {
  await db
    .insertInto('monitorStates')
    .values({ monitorId, ...statusRow(initialStatus), lastPingAt: toTimestamp(at) })
    .onConflict((oc) => oc.column('monitorId').doUpdateSet({ lastPingAt: toTimestamp(at) }))
    .execute();
}

const statusRow = (s: MonitorStatus) => ({
  state: s.state,
  failures: s.failures,
  successes: s.successes,
  lastCheckedAt: null,
  lastOutcome: null,
  lastReason: null,
  lastDurationMs: null,
  incidentId: null,
});

export interface CheckResultRow {
  monitorId: string;
  checkedAt: Date;
  outcome: CheckOutcome;
  durationMs: number | null;
  reason: string | null;
}

export async function insertResult(db: Kysely<Database>, result: CheckResultRow): Promise<void> {
  await db
    .insertInto('monitorResults')
    .values({ ...result, checkedAt: toTimestamp(result.checkedAt) })
    .execute();
}

export async function listResults(db: Kysely<Database>, monitorId: string, since: Date): Promise<CheckResultRow[]> {
  const rows = await db
    .selectFrom('monitorResults')
    .selectAll()
    .where('monitorId', '=', monitorId)
    .where('checkedAt', '>=', toTimestamp(since))
    .orderBy('checkedAt')
    .orderBy('id')
    .execute();
  return rows.map((r) => ({ ...r, checkedAt: fromTimestamp(r.checkedAt), outcome: r.outcome as CheckOutcome }));
}

export interface Rollup {
  monitorId: string;
  period: 'hour' | 'day';
  periodStart: Date;
  upCount: number;
  degradedCount: number;
  downCount: number;
  noDataCount: number;
  durationSumMs: number;
  durationCount: number;
  durationMaxMs: number;
}

export async function listRollups(db: Kysely<Database>, monitorId: string, period: 'hour' | 'day'): Promise<Rollup[]> {
  const rows = await db
    .selectFrom('monitorRollups')
    .selectAll()
    .where('monitorId', '=', monitorId)
    .where('period', '=', period)
    .orderBy('periodStart')
    .execute();
  return rows.map((r) => ({ ...r, period: r.period as 'hour' | 'day', periodStart: fromTimestamp(r.periodStart) }));
}

/** Raw results before `before`, oldest first (for rolling up). */
export async function listResultsBefore(db: Kysely<Database>, before: Date): Promise<CheckResultRow[]> {
  const rows = await db
    .selectFrom('monitorResults')
    .selectAll()
    .where('checkedAt', '<', toTimestamp(before))
    .orderBy('checkedAt')
    .execute();
  return rows.map((r) => ({ ...r, checkedAt: fromTimestamp(r.checkedAt), outcome: r.outcome as CheckOutcome }));
}

export async function deleteResultsBefore(db: Kysely<Database>, before: Date): Promise<void> {
  await db.deleteFrom('monitorResults').where('checkedAt', '<', toTimestamp(before)).execute();
}

export async function listRollupsBefore(db: Kysely<Database>, period: 'hour' | 'day', before: Date): Promise<Rollup[]> {
  const rows = await db
    .selectFrom('monitorRollups')
    .selectAll()
    .where('period', '=', period)
    .where('periodStart', '<', toTimestamp(before))
    .execute();
  return rows.map((r) => ({ ...r, period: r.period as 'hour' | 'day', periodStart: fromTimestamp(r.periodStart) }));
}

export async function deleteRollupsBefore(db: Kysely<Database>, period: 'hour' | 'day', before: Date): Promise<void> {
  await db.deleteFrom('monitorRollups').where('period', '=', period).where('periodStart', '<', toTimestamp(before)).execute();
}

/** Adds counts into a period's aggregate (creating it when new). */
export async function addToRollup(db: Kysely<Database>, rollup: Rollup): Promise<void> {
  const row = { ...rollup, periodStart: toTimestamp(rollup.periodStart) };
  await db
    .insertInto('monitorRollups')
    .values(row)
    .onConflict((oc) =>
      oc.columns(['monitorId', 'period', 'periodStart']).doUpdateSet((eb) => ({
        upCount: eb('monitorRollups.upCount', '+', rollup.upCount),
        degradedCount: eb('monitorRollups.degradedCount', '+', rollup.degradedCount),
        downCount: eb('monitorRollups.downCount', '+', rollup.downCount),
        noDataCount: eb('monitorRollups.noDataCount', '+', rollup.noDataCount),
        durationSumMs: eb('monitorRollups.durationSumMs', '+', rollup.durationSumMs),
        durationCount: eb('monitorRollups.durationCount', '+', rollup.durationCount),
        durationMaxMs: eb
          .case()
          .when('monitorRollups.durationMaxMs', '>', rollup.durationMaxMs)
          .then(eb.ref('monitorRollups.durationMaxMs'))
          .else(rollup.durationMaxMs)
          .end(),
      })),
    )
    .execute();
}

/** Whether any monitor draws its response times on the public page. */
export async function hasPublicChart(db: Kysely<Database>): Promise<boolean> {
  const row = await db.selectFrom('monitors').select('id').where('publicChart', '=', 1).limit(1).executeTakeFirst();
  return row !== undefined;
}

/** Raw results summed per monitor and stretch of time (half hours or hours, UTC). */
export interface ResultBucket {
  monitorId: string;
  start: Date;
  upCount: number;
  degradedCount: number;
  downCount: number;
  noDataCount: number;
  /** Checks that got an answer (up or slow): only their time is a response time, a timeout's is not. */
  durationCount: number;
  durationSumMs: number;
  durationMaxMs: number | null;
}

export interface RecentResults {
  buckets: ResultBucket[];
  /** The median response time of each monitor's answered checks over the whole stretch. */
  medians: Map<string, number>;
}

/**
 * The raw results since `since`, summed per monitor and bucket, with each monitor's median
 * response time, in one statement for every monitor (or those of `monitorIds`). Timestamps are
 * ISO text, so a bucket is a prefix of it; the median is the middle of each monitor's answered
 * checks ranked by time (the two middle ones averaged), found by a window over the same rows.
 */
export async function listRecentResults(
  db: Kysely<Database>,
  since: Date,
  bucketMinutes: 30 | 60,
  options: { monitorIds?: readonly string[]; medians?: boolean } = {},
): Promise<RecentResults> {
  const { monitorIds, medians: withMedians = true } = options;
  if (monitorIds !== undefined && monitorIds.length === 0) return { buckets: [], medians: new Map() };
  const checkedAt = sql.ref('checkedAt');
  const answered = sql<number | null>`case when ${sql.ref('outcome')} in ('up', 'degraded') then ${sql.ref('durationMs')} end`;
  const bucket =
    bucketMinutes === 60
      ? sql<string>`substr(${checkedAt}, 1, 14) || '00'`
      : sql<string>`substr(${checkedAt}, 1, 14) || case when substr(${checkedAt}, 15, 2) < '30' then '00' else '30' end`;
  let ranked = db
    .selectFrom('monitorResults')
    .select([
      'monitorId',
      'outcome',
      bucket.as('bucket'),
      answered.as('answered'),
      // Without medians the window is not worth its sort: nothing sits at position 0.
      withMedians
        ? sql<number>`row_number() over (partition by ${sql.ref('monitorId')} order by case when ${answered} is null then 1 else 0 end, ${answered})`.as(
            'position',
          )
        : sql<number>`0`.as('position'),
      withMedians
        ? sql<number>`count(${answered}) over (partition by ${sql.ref('monitorId')})`.as('answeredCount')
        : sql<number>`0`.as('answeredCount'),
    ])
    .where('checkedAt', '>=', toTimestamp(since));
  if (monitorIds !== undefined) ranked = ranked.where('monitorId', 'in', monitorIds);
  const count = (outcome: string) => sql<number>`sum(case when ${sql.ref('r.outcome')} = ${outcome} then 1 else 0 end)`;
  const middle = (offset: number) =>
    sql<
      number | null
    >`max(case when ${sql.ref('r.position')} = (${sql.ref('r.answeredCount')} + ${sql.lit(offset)}) / 2 then ${sql.ref('r.answered')} end)`;
  const rows = await db
    .selectFrom(ranked.as('r'))
    .select([
      'r.monitorId',
      'r.bucket',
      count('up').as('upCount'),
      count('degraded').as('degradedCount'),
      count('down').as('downCount'),
      count('no_data').as('noDataCount'),
      sql<number>`count(${sql.ref('r.answered')})`.as('durationCount'),
      sql<number | null>`sum(${sql.ref('r.answered')})`.as('durationSumMs'),
      sql<number | null>`max(${sql.ref('r.answered')})`.as('durationMaxMs'),
      middle(1).as('medianLow'),
      middle(2).as('medianHigh'),
    ])
    .groupBy(['r.monitorId', 'r.bucket'])
    .orderBy('r.monitorId')
    .orderBy('r.bucket')
    .execute();
  const middles = new Map<string, { low?: number; high?: number }>();
  const buckets = rows.map((r): ResultBucket => {
    const m = middles.get(r.monitorId) ?? {};
    if (r.medianLow !== null) m.low = toNumber(r.medianLow);
    if (r.medianHigh !== null) m.high = toNumber(r.medianHigh);
    middles.set(r.monitorId, m);
    return {
      monitorId: r.monitorId,
      start: new Date(`${r.bucket}:00.000Z`),
      upCount: toNumber(r.upCount),
      degradedCount: toNumber(r.degradedCount),
      downCount: toNumber(r.downCount),
      noDataCount: toNumber(r.noDataCount),
      durationCount: toNumber(r.durationCount),
      durationSumMs: toNumber(r.durationSumMs),
      durationMaxMs: r.durationMaxMs === null ? null : toNumber(r.durationMaxMs),
    };
  });
  const medians = new Map<string, number>();
  for (const [id, { low, high }] of middles) if (low !== undefined && high !== undefined) medians.set(id, (low + high) / 2);
  return { buckets, medians };
}

/** The hourly and daily aggregates of some monitors from `since` on, oldest first. */
export async function listRollupsSince(
  db: Kysely<Database>,
  monitorIds: readonly string[],
  since: Date,
  period?: 'hour' | 'day',
): Promise<Rollup[]> {
  if (monitorIds.length === 0) return [];
  let query = db
    .selectFrom('monitorRollups')
    .selectAll()
    .where('monitorId', 'in', monitorIds)
    .where('periodStart', '>=', toTimestamp(since));
  if (period !== undefined) query = query.where('period', '=', period);
  const rows = await query.orderBy('periodStart').execute();
  return rows.map((r) => ({ ...r, period: r.period as 'hour' | 'day', periodStart: fromTimestamp(r.periodStart) }));
}

/** One monitor's hourly sums added up over one stretch of `sumHourlyRollups` (the index of the stretch). */
export type StretchSum = Omit<ResultBucket, 'start'> & { stretch: number };

/**
 * Hourly sums added up by the database into consecutive stretches (a page's days), so 90 days
 * of hours come back as at most 90 rows per monitor rather than 2,160. SQLite answers on the
 * event loop: reading and mapping every hour of a page's charts held it for half a second.
 */
export async function sumHourlyRollups(
  db: Kysely<Database>,
  monitorIds: readonly string[],
  stretches: readonly { start: Date; end: Date }[],
): Promise<StretchSum[]> {
  const first = stretches[0];
  const last = stretches.at(-1);
  if (monitorIds.length === 0 || first === undefined || last === undefined) return [];
  const periodStart = sql.ref('periodStart');
  // The stretch an hour falls in, found by halving (seven comparisons for 90 days, not 45 on average).
  const stretchOf = (from: number, to: number): RawBuilder<number> => {
    if (from === to) return sql<number>`${sql.lit(from)}`;
    const middle = Math.floor((from + to) / 2);
    return sql<number>`case when ${periodStart} < ${toTimestamp(stretches[middle]!.end)} then ${stretchOf(from, middle)} else ${stretchOf(middle + 1, to)} end`;
  };
  const hours = db
    .selectFrom('monitorRollups')
    .select([
      'monitorId',
      stretchOf(0, stretches.length - 1).as('stretch'),
      'upCount',
      'degradedCount',
      'downCount',
      'noDataCount',
      'durationCount',
      'durationSumMs',
      sql<number | null>`case when ${sql.ref('durationCount')} > 0 then ${sql.ref('durationMaxMs')} end`.as('answeredMaxMs'),
    ])
    .where('monitorId', 'in', monitorIds)
    .where('period', '=', 'hour')
    .where('periodStart', '>=', toTimestamp(first.start))
    .where('periodStart', '<', toTimestamp(last.end));
  const rows = await db
    .selectFrom(hours.as('h'))
    .select((eb) => [
      'h.monitorId',
      'h.stretch',
      eb.fn.sum<number | string>('h.upCount').as('upCount'),
      eb.fn.sum<number | string>('h.degradedCount').as('degradedCount'),
      eb.fn.sum<number | string>('h.downCount').as('downCount'),
      eb.fn.sum<number | string>('h.noDataCount').as('noDataCount'),
      eb.fn.sum<number | string>('h.durationCount').as('durationCount'),
      eb.fn.sum<number | string>('h.durationSumMs').as('durationSumMs'),
      eb.fn.max<number | null>('h.answeredMaxMs').as('durationMaxMs'),
    ])
    .groupBy(['h.monitorId', 'h.stretch'])
    .execute();
  return rows.map((r) => ({
    monitorId: r.monitorId,
    stretch: toNumber(r.stretch),
    upCount: toNumber(r.upCount),
    degradedCount: toNumber(r.degradedCount),
    downCount: toNumber(r.downCount),
    noDataCount: toNumber(r.noDataCount),
    durationCount: toNumber(r.durationCount),
    durationSumMs: toNumber(r.durationSumMs),
    durationMaxMs: r.durationMaxMs === null ? null : toNumber(r.durationMaxMs),
  }));
}

/** The monitors whose response times are drawn on the public page, by name. */
export async function listPublicChartMonitors(db: Kysely<Database>): Promise<Monitor[]> {
  const rows = await db.selectFrom('monitors').selectAll().where('publicChart', '=', 1).orderBy('name').orderBy('id').execute();
  return rows.map(toMonitor);
}
