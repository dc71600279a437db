import type { Actor } from '../../shared/context.ts';
import { AppError } from '../../shared/errors.ts';
import type { Db } from '../../storage/database.ts';
import { can, type Role } from './role.ts';
import { findUser } from './user-store.ts';

/**
 * A member may manage the team only with the manage_team right, and only an owner may make owners.
 * The system and the command line act with an owner's rights.
 */
export async function checkMayGrant(db: Db, actor: Actor, role: Role): Promise<void> {
  if (actor.kind === 'system') return;
  const acting = actor.kind === 'user' && actor.id !== null ? await findUser(db, actor.id) : undefined;
  if (acting === undefined || !can(acting.role, 'manage_team')) throw new AppError('forbidden', 'Only owners and admins manage the team.');
  if (role === 'owner' && acting.role !== 'owner') throw new AppError('forbidden', 'Only an owner can make another owner.');
}
