import type { Ctx } from '../shared/context.ts';
import type { Db } from './database.ts';
import { bumpRevision } from './revisions.ts';

// The transactions opened by write(): a visible change may join only one of these.
const visibleTransactions = new WeakSet<Db>();

/**
 * Runs a change visitors can see (components, incidents, maintenances, the page) in one
 * transaction that also bumps the data revision and moves the page's `updated_at`, as Statuspage's
 * `page.updated_at` moves with any change: everything commits together or nothing does. This is the
 * one place the page is touched, so no verb has to remember it. Inside an enclosing write() it
 * joins that one, which bumps the revision once for all.
 */
export async function write<T>(ctx: Pick<Ctx, 'db' | 'revisions' | 'clock'>, work: (tx: Db) => Promise<T>): Promise<T> {
  if (ctx.db.isTransaction) {
    if (!visibleTransactions.has(ctx.db)) throw new Error('a visible change cannot join a transaction that does not bump the revision');
    return work(ctx.db);
  }
  const { result, revision } = await ctx.db.transaction().execute(async (tx) => {
    visibleTransactions.add(tx);
    const result = await work(tx);
    return { result, revision: await bumpRevision(tx, ctx.clock.now()) };
  });
  if (revision !== undefined) ctx.revisions.advance(revision);
  return result;
}

/**
 * Runs a change visitors never see (members, sessions, API keys, subscribers, templates) in one
 * transaction: it commits together or not at all, and leaves the data revision, the cached pages
 * and the page's `updated_at` alone. Inside an enclosing transaction it joins that one.
 */
export async function writePrivately<T>(ctx: Pick<Ctx, 'db'>, work: (tx: Db) => Promise<T>): Promise<T> {
  if (ctx.db.isTransaction) return work(ctx.db);
  return ctx.db.transaction().execute(work);
}
