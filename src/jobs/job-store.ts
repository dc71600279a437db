import type { Kysely, Selectable } from 'kysely';
import { forUpdateSkipLocked, fromTimestamp, toTimestamp } from '../storage/dialect.ts';
import type { Database, JobsTable } from '../storage/tables.ts';
import { immediately, type Job, type JobStatus, type NewJob } from './job.ts';

function toJob(row: Selectable<JobsTable>): Job {
  return {
    id: Number(row.id),
    name: row.name,
    payload: JSON.parse(row.payload),
    status: row.status as JobStatus,
    runAt: fromTimestamp(row.runAt),
    attempts: row.attempts,
    maxAttempts: row.maxAttempts,
    lastError: row.lastError,
    idempotencyKey: row.idempotencyKey,
  };
}

export async function insertJob(db: Kysely<Database>, job: NewJob, now: Date): Promise<void> {
  const at = toTimestamp(now);
  await db
    .insertInto('jobs')
    .values({
      name: job.name,
      payload: JSON.stringify(job.payload ?? null),
      status: 'pending',
      runAt: toTimestamp(job.runAt ?? immediately),
      attempts: 0,
      maxAttempts: job.maxAttempts ?? 10,
      lockedBy: null,
      lockedUntil: null,
      lastError: null,
      idempotencyKey: job.idempotencyKey ?? null,
      createdAt: at,
      updatedAt: at,
    })
    .onConflict((oc) => oc.column('idempotencyKey').doNothing())
    .execute();
}

/**
 * Takes up to `limit` due jobs (or jobs whose worker's lease ran out) in one statement, so two
 * workers never take the same job: PostgreSQL skips rows another worker has locked; SQLite runs
 * one writing statement at a time. `names`: only jobs of these names.
 */
export async function claimJobs(
  db: Kysely<Database>,
  worker: { id: string; now: Date; leaseMs: number; limit: number; names?: string[] },
): Promise<Job[]> {
  const now = toTimestamp(worker.now);
  const names = worker.names;
  if (names?.length === 0) return [];
  const due = db
    .selectFrom('jobs')
    .select('id')
    .$if(names !== undefined, (qb) => qb.where('name', 'in', names!))
    .where((eb) =>
      eb.or([
        eb.and([eb('status', '=', 'pending'), eb('runAt', '<=', now)]),
        eb.and([eb('status', '=', 'running'), eb('lockedUntil', '<', now), eb('attempts', '<', eb.ref('maxAttempts'))]),
      ]),
    )
    .orderBy('runAt')
    .orderBy('id')
    .limit(worker.limit)
    .modifyEnd(forUpdateSkipLocked(db));
  const rows = await db
    .updateTable('jobs')
    .set((eb) => ({
      status: 'running',
      lockedBy: worker.id,
      lockedUntil: toTimestamp(new Date(worker.now.getTime() + worker.leaseMs)),
      attempts: eb('attempts', '+', 1),
      updatedAt: now,
    }))
    .where('id', 'in', due)
    .returningAll()
    .execute();
  return rows.map(toJob).sort((a, b) => a.runAt.getTime() - b.runAt.getTime() || a.id - b.id);
}

/** A job whose worker stopped on its last attempt (a crash it may have caused) is given up, not retried forever. */
export async function buryAbandonedJobs(db: Kysely<Database>, now: Date): Promise<void> {
  const at = toTimestamp(now);
  await db
    .updateTable('jobs')
    .set({
      status: 'dead',
      lastError: 'the worker running it stopped on its last attempt',
      lockedBy: null,
      lockedUntil: null,
      updatedAt: at,
    })
    .where('status', '=', 'running')
    .where('lockedUntil', '<', at)
    .where((eb) => eb('attempts', '>=', eb.ref('maxAttempts')))
    .execute();
}

/** Extends the lease of the jobs this worker claimed and has not finished; returns how many it still holds. */
export async function renewLeases(db: Kysely<Database>, ids: number[], workerId: string, until: Date): Promise<number> {
  if (ids.length === 0) return 0;
  const result = await db
    .updateTable('jobs')
    .set({ lockedUntil: toTimestamp(until) })
    .where('id', 'in', ids)
    .where('status', '=', 'running')
    .where('lockedBy', '=', workerId)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

/** False when the job is no longer this worker's (its lease ran out and another took it). */
export async function completeJob(db: Kysely<Database>, id: number, workerId: string, now: Date): Promise<boolean> {
  const result = await db
    .updateTable('jobs')
    .set({ status: 'done', lockedBy: null, lockedUntil: null, updatedAt: toTimestamp(now) })
    .where('id', '=', id)
    .where('status', '=', 'running')
    .where('lockedBy', '=', workerId)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function failJob(
  db: Kysely<Database>,
  id: number,
  workerId: string,
  change: { status: 'pending' | 'dead'; runAt: Date; error: string; now: Date },
): Promise<void> {
  await db
    .updateTable('jobs')
    .set({
      status: change.status,
      runAt: toTimestamp(change.runAt),
      lastError: change.error.slice(0, 2000),
      lockedBy: null,
      lockedUntil: null,
      updatedAt: toTimestamp(change.now),
    })
    .where('id', '=', id)
    .where('lockedBy', '=', workerId)
    .execute();
}

export async function listJobRows(db: Kysely<Database>, filter: { name?: string; status?: JobStatus } = {}): Promise<Job[]> {
  let query = db.selectFrom('jobs').selectAll().orderBy('runAt').orderBy('id');
  if (filter.name !== undefined) query = query.where('name', '=', filter.name);
  if (filter.status !== undefined) query = query.where('status', '=', filter.status);
  return (await query.execute()).map(toJob);
}

/** Finished jobs are kept a while for inspection, then dropped. */
export async function purgeFinishedJobs(db: Kysely<Database>, olderThan: Date, name?: string): Promise<void> {
  let query = db.deleteFrom('jobs').where('status', '=', 'done').where('updatedAt', '<', toTimestamp(olderThan));
  if (name !== undefined) query = query.where('name', '=', name);
  await query.execute();
}

/** Jobs by status, and how long the oldest job that is due has waited (for /metrics). */
export async function jobStats(db: Kysely<Database>, now: Date): Promise<{ byStatus: Map<JobStatus, number>; oldestDueAt: Date | null }> {
  const counts = await db
    .selectFrom('jobs')
    .select(['status', (eb) => eb.fn.countAll<string | number>().as('count')])
    .groupBy('status')
    .execute();
  const due = await db
    .selectFrom('jobs')
    .select((eb) => eb.fn.min('runAt').as('runAt'))
    .where('status', '=', 'pending')
    .where('runAt', '<=', toTimestamp(now))
    .executeTakeFirst();
  return {
    byStatus: new Map(counts.map((row) => [row.status as JobStatus, Number(row.count)])),
    oldestDueAt: due?.runAt === undefined || due.runAt === null ? null : new Date(String(due.runAt)),
  };
}
