import type { Kysely, Selectable } from 'kysely';
import { fromTimestamp, toTimestamp } from '../../storage/dialect.ts';
import type { Database, ThirdPartySourcesTable } from '../../storage/tables.ts';
import type { UpstreamComponent } from './source-adapters.ts';
import type { ThirdPartySource } from './third-party-source.ts';

function toSource(row: Selectable<ThirdPartySourcesTable>): ThirdPartySource {
  return {
    url: row.url,
    kind: row.kind,
    intervalSeconds: row.intervalSeconds,
    etag: row.etag,
    lastModified: row.lastModified,
    nextPollAt: fromTimestamp(row.nextPollAt),
    lastPolledAt: fromTimestamp(row.lastPolledAt),
    lastReadAt: fromTimestamp(row.lastReadAt),
    failingSince: fromTimestamp(row.failingSince),
    consecutiveFailures: row.consecutiveFailures,
    lastError: row.lastError,
    catalogue: row.catalogue === null ? null : (JSON.parse(row.catalogue) as UpstreamComponent[]),
  };
}

export async function listSources(db: Kysely<Database>): Promise<ThirdPartySource[]> {
  const rows = await db.selectFrom('thirdPartySources').selectAll().orderBy('url').execute();
  return rows.map(toSource);
}

export async function findSource(db: Kysely<Database>, url: string): Promise<ThirdPartySource | undefined> {
  const row = await db.selectFrom('thirdPartySources').selectAll().where('url', '=', url).executeTakeFirst();
  return row === undefined ? undefined : toSource(row);
}

/** Adds a source first polled at once; one that exists is left as it is. */
export async function insertSource(
  db: Kysely<Database>,
  source: { url: string; kind: string; intervalSeconds: number },
  now: Date,
): Promise<void> {
  const at = toTimestamp(now);
  await db
    .insertInto('thirdPartySources')
    .values({
      url: source.url,
      kind: source.kind,
      intervalSeconds: source.intervalSeconds,
      etag: null,
      lastModified: null,
      nextPollAt: at,
      lastPolledAt: null,
      lastReadAt: null,
      failingSince: null,
      consecutiveFailures: 0,
      lastError: null,
      catalogue: null,
      createdAt: at,
      updatedAt: at,
    })
    .onConflict((oc) => oc.column('url').doNothing())
    .execute();
}

export async function deleteSource(db: Kysely<Database>, url: string): Promise<void> {
  await db.deleteFrom('thirdPartySources').where('url', '=', url).execute();
}

export async function setSourceInterval(db: Kysely<Database>, url: string, intervalSeconds: number, now: Date): Promise<void> {
  await db
    .updateTable('thirdPartySources')
    .set({ intervalSeconds, nextPollAt: toTimestamp(now), updatedAt: toTimestamp(now) })
    .where('url', '=', url)
    .execute();
}

/**
 * Takes the source's poll that was due at `due` by moving its next poll to `next`, in one
 * statement that only one instance can win: true for the winner.
 */
export async function claimPoll(db: Kysely<Database>, url: string, due: Date, next: Date, now: Date): Promise<boolean> {
  const result = await db
    .updateTable('thirdPartySources')
    .set({ nextPollAt: toTimestamp(next), lastPolledAt: toTimestamp(now), updatedAt: toTimestamp(now) })
    .where('url', '=', url)
    .where('nextPollAt', '=', toTimestamp(due))
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** A good answer: validators and components kept for the next poll, failures forgotten. */
export async function recordRead(
  db: Kysely<Database>,
  url: string,
  read: { etag: string | null; lastModified: string | null; catalogue: UpstreamComponent[] | null },
  now: Date,
): Promise<void> {
  await db
    .updateTable('thirdPartySources')
    .set({
      etag: read.etag,
      lastModified: read.lastModified,
      ...(read.catalogue === null ? {} : { catalogue: JSON.stringify(read.catalogue) }),
      lastReadAt: toTimestamp(now),
      failingSince: null,
      consecutiveFailures: 0,
      lastError: null,
      updatedAt: toTimestamp(now),
    })
    .where('url', '=', url)
    .execute();
}

/** A failed poll: counted, with its reason, and the next try moved out by the backoff. */
export async function recordFailure(
  db: Kysely<Database>,
  url: string,
  failure: { error: string; failingSince: Date; failures: number; nextPollAt: Date },
  now: Date,
): Promise<void> {
  await db
    .updateTable('thirdPartySources')
    .set({
      lastError: failure.error,
      failingSince: toTimestamp(failure.failingSince),
      consecutiveFailures: failure.failures,
      nextPollAt: toTimestamp(failure.nextPollAt),
      updatedAt: toTimestamp(now),
    })
    .where('url', '=', url)
    .execute();
}
