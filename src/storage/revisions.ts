import { sql, type Kysely } from 'kysely';
import { isPostgres, toTimestamp } from './dialect.ts';
import type { Database } from './tables.ts';

type Listener = (revision: number) => void;

/**
 * The data revision: a number every write bumps. Rendered pages and API responses are cached per
 * revision, so a change is visible on the very next request. Other instances learn of a change
 * through LISTEN/NOTIFY on PostgreSQL (see revision-listener.ts).
 */
export class Revisions {
  #current = 0;
  readonly #listeners = new Set<Listener>();

  get current(): number {
    return this.#current;
  }

  /** Moves forward only: a late notification of an older revision is ignored. */
  advance(revision: number): void {
    if (revision <= this.#current) return;
    this.#current = revision;
    for (const listener of this.#listeners) listener(revision);
  }

  onChange(listener: Listener): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  async load(db: Kysely<Database>): Promise<number> {
    const row = await db.selectFrom('pages').select('revision').executeTakeFirst();
    this.advance(Number(row?.revision ?? 0));
    return this.#current;
  }
}

export const revisionChannel = 'aviso_revision';

/**
 * Bumps the stored revision inside a write transaction, moves the page's `updated_at` forward to
 * `at` (never back), and returns the new revision.
 */
export async function bumpRevision(tx: Kysely<Database>, at: Date): Promise<number | undefined> {
  const stamp = toTimestamp(at);
  const row = await tx
    .updateTable('pages')
    .set((eb) => ({
      revision: eb('revision', '+', 1),
      updatedAt: eb.case().when('updatedAt', '<', stamp).then(stamp).else(eb.ref('updatedAt')).end(),
    }))
    .returning('revision')
    .executeTakeFirst();
  if (row === undefined) return undefined;
  const revision = Number(row.revision);
  // Delivered on commit, never for a rolled-back write.
  if (isPostgres(tx)) await sql`select pg_notify(${revisionChannel}, ${String(revision)})`.execute(tx);
  return revision;
}
