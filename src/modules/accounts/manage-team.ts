import type { Ctx } from '../../shared/context.ts';
import { AppError } from '../../shared/errors.ts';
import { writePrivately } from '../../storage/write.ts';
import { recordAudit } from '../audit/index.ts';
import { roleSchema, type Role } from './role.ts';
import { deleteUserSessions } from './session-store.ts';
import { checkMayGrant } from './team-permissions.ts';
import type { User } from './user.ts';
import { countUsers, deleteUserRow, findUser, listUserRows, saveUser } from './user-store.ts';

/** The team, oldest member first. */
export async function listUsers(ctx: Pick<Ctx, 'db'>): Promise<User[]> {
  return listUserRows(ctx.db);
}

export async function getUser(ctx: Pick<Ctx, 'db'>, id: string): Promise<User> {
  const user = await findUser(ctx.db, id);
  if (user === undefined) throw new AppError('user_not_found', `No team member has the id "${id}".`);
  return user;
}

/** Changes a member's role; the page always keeps at least one owner. */
export async function changeUserRole(ctx: Ctx, id: string, role: Role): Promise<User> {
  const next = roleSchema.parse(role);
  return writePrivately(ctx, async (tx) => {
    const user = await getUser({ db: tx }, id);
    await checkMayGrant(tx, ctx.actor, user.role === 'owner' ? 'owner' : next);
    if (user.role === 'owner' && next !== 'owner' && (await countUsers(tx, 'owner')) <= 1) {
      throw new AppError('conflict', 'The page needs at least one owner; make someone else owner first.');
    }
    const changed = { ...user, role: next };
    const now = ctx.clock.now();
    await saveUser(tx, changed, now);
    await recordAudit(tx, ctx.actor, {
      action: 'user.change_role',
      entityType: 'user',
      entityId: id,
      before: user,
      after: changed,
      at: now,
    });
    return changed;
  });
}

/** Removes a member and ends their sessions; the last owner cannot be removed. */
export async function removeUser(ctx: Ctx, id: string): Promise<User> {
  return writePrivately(ctx, async (tx) => {
    const user = await getUser({ db: tx }, id);
    await checkMayGrant(tx, ctx.actor, user.role);
    if (user.role === 'owner' && (await countUsers(tx, 'owner')) <= 1) throw new AppError('conflict', 'The last owner cannot be removed.');
    await deleteUserSessions(tx, id);
    await deleteUserRow(tx, id);
    await recordAudit(tx, ctx.actor, {
      action: 'user.remove',
      entityType: 'user',
      entityId: id,
      before: user,
      after: null,
      at: ctx.clock.now(),
    });
    return user;
  });
}
