import type { Ctx } from '../../shared/context.ts';
import { AppError } from '../../shared/errors.ts';
import { writePrivately } from '../../storage/write.ts';
import { issueLinkToken, readLinkToken, useLinkToken } from './account-links.ts';
import { insertNewUser } from './create-user.ts';
import { hashPassword } from './password.ts';
import { createUserSchema, emailSchema, newAccountSchema, type User } from './user.ts';
import { countUsers } from './user-store.ts';

export type FirstOwnerOutcome = { kind: 'exists' } | { kind: 'created'; user: User } | { kind: 'setup'; link: string; expiresAt: Date };

/**
 * At start: a database without members gets its owner from AVISO_ADMIN_EMAIL/AVISO_ADMIN_PASSWORD,
 * or else a one-time setup link (valid 7 days) for the log.
 */
export async function ensureFirstOwner(
  ctx: Ctx,
  options: { admin: { email: string; password: string } | undefined; publicUrl: string },
): Promise<FirstOwnerOutcome> {
  if ((await countUsers(ctx.db)) > 0) return { kind: 'exists' };
  if (options.admin !== undefined) {
    const data = createUserSchema.parse({ email: options.admin.email, name: 'Owner', password: options.admin.password, role: 'owner' });
    const passwordHash = await hashPassword(data.password);
    try {
      const user = await writePrivately(ctx, async (tx) => {
        // Another instance starting at the same time may have created the owner already.
        if ((await countUsers(tx)) > 0) return undefined;
        return insertNewUser(tx, data, passwordHash, ctx.clock.now(), { actor: ctx.actor, action: 'user.create_owner' });
      });
      return user === undefined ? { kind: 'exists' } : { kind: 'created', user };
    } catch (error) {
      if (error instanceof AppError && error.code === 'conflict') return { kind: 'exists' };
      throw error;
    }
  }
  const { token, expiresAt } = await issueLinkToken(
    ctx.db,
    { kind: 'setup', email: null, role: 'owner', createdBy: null },
    ctx.clock.now(),
  );
  return { kind: 'setup', link: `${options.publicUrl}/admin/setup?token=${encodeURIComponent(token)}`, expiresAt };
}

/** True while no member exists: the admin app then offers only the setup form. */
export async function isSetupNeeded(ctx: Pick<Ctx, 'db'>): Promise<boolean> {
  return (await countUsers(ctx.db)) === 0;
}

/** Whether a setup link can still be used (to show the form or a "link expired" notice). */
export async function isSetupTokenValid(ctx: Pick<Ctx, 'db' | 'clock'>, token: string): Promise<boolean> {
  return (await readLinkToken(ctx.db, 'setup', token, ctx.clock.now())) !== undefined && (await isSetupNeeded(ctx));
}

/** Creates the first owner from the setup link and burns the link. */
export async function completeSetup(ctx: Ctx, token: string, input: { email: string; name: string; password: string }): Promise<User> {
  const email = emailSchema.parse(input.email);
  const data = newAccountSchema.parse({ name: input.name, password: input.password });
  const passwordHash = await hashPassword(data.password);
  return writePrivately(ctx, async (tx) => {
    const now = ctx.clock.now();
    await useLinkToken(tx, 'setup', token, now);
    if ((await countUsers(tx)) > 0) throw new AppError('link_invalid', 'Aviso is already set up; log in instead.');
    return insertNewUser(tx, { email, name: data.name, role: 'owner' }, passwordHash, now, { actor: null, action: 'user.setup' });
  });
}
