import type { Config } from './config.ts';
import type { Ctx } from './shared/context.ts';
import { ensureFirstOwner } from './modules/accounts/index.ts';

/** Gives a database without members its first owner, or prints the one-time setup link. */
export async function prepareAccounts(ctx: Ctx, config: Pick<Config, 'admin' | 'publicUrl'>): Promise<void> {
  const outcome = await ensureFirstOwner(ctx, { admin: config.admin, publicUrl: config.publicUrl });
  if (outcome.kind === 'created') ctx.log.info({ email: outcome.user.email }, 'created the owner from AVISO_ADMIN_EMAIL');
  if (outcome.kind === 'setup') {
    ctx.log.warn({ expiresAt: outcome.expiresAt.toISOString() }, `no team member yet; create the owner at ${outcome.link}`);
  }
}
