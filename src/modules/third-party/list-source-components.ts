import type { Outbound } from '../../outbound/index.ts';
import type { Ctx } from '../../shared/context.ts';
import { readSource } from './poll-sources.ts';
import { kindOf, upstreamPath } from './source-adapters.ts';
import { findSource } from './source-store.ts';

export interface SourceChoice {
  id: string;
  /** "Email Services → Outbound Delivery" */
  path: string;
  isGroup: boolean;
}

/**
 * The components an operator can mirror from a page, read from it now (or, when it cannot be
 * read, as last polled), groups shown as paths, in the source's order.
 */
export async function listSourceComponents(
  ctx: Pick<Ctx, 'db'>,
  outbound: Outbound,
  sourceUrl: string,
): Promise<{ choices: SourceChoice[]; error: string | null }> {
  const known = await findSource(ctx.db, sourceUrl);
  const outcome = await readSource(outbound, { url: sourceUrl, kind: known?.kind ?? kindOf(sourceUrl) }, 5000);
  const catalogue = outcome.read ? (outcome.catalogue ?? []) : (known?.catalogue ?? []);
  const choices = catalogue.map((c) => ({ id: c.id, path: upstreamPath(c, catalogue), isGroup: c.isGroup }));
  return { choices, error: outcome.read ? null : outcome.error };
}
