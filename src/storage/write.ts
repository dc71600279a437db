import type { Kysely } from 'kysely';
import type { Ctx } from '../shared/context.ts';
import { bumpRevision } from './revisions.ts';
import type { Database } from './tables.ts';

/**
 * Runs a use case's writes in one transaction that also bumps the data revision; everything
 * commits together or nothing does. Inside an enclosing transaction it joins that one.
 */
export async function write<T>(ctx: Pick<Ctx, 'db' | 'revisions'>, work: (tx: Kysely<Database>) => Promise<T>): Promise<T> {
  if (ctx.db.isTransaction) return work(ctx.db);
  const { result, revision } = await ctx.db.transaction().execute(async (tx) => {
    const result = await work(tx);
    return { result, revision: await bumpRevision(tx) };
  });
  if (revision !== undefined) ctx.revisions.advance(revision);
  return result;
}
