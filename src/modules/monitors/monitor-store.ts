import type { Kysely, Selectable } from 'kysely';
import { fromBool, fromTimestamp, toBool, toTimestamp } from '../../storage/dialect.ts';
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
