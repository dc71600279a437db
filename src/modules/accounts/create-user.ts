import type { Actor, Ctx } from '../../shared/context.ts';
import { AppError } from '../../shared/errors.ts';
import { newId } from '../../shared/ids.ts';
import { isUniqueViolation } from '../../storage/dialect.ts';
import type { Db } from '../../storage/database.ts';
import { writePrivately } from '../../storage/write.ts';
import { recordAudit } from '../audit/index.ts';
import { hashPassword } from './password.ts';
import { createUserSchema, type CreateUserInput, type User } from './user.ts';
import { findUserByEmail, insertUser } from './user-store.ts';

/** Adds a team member with a password; an email can belong to one member only. */
export async function createUser(ctx: Ctx, input: CreateUserInput): Promise<User> {
  const data = createUserSchema.parse(input);
  const passwordHash = await hashPassword(data.password);
  return writePrivately(ctx, (tx) =>
    insertNewUser(tx, { email: data.email, name: data.name, role: data.role }, passwordHash, ctx.clock.now(), {
      actor: ctx.actor,
      action: 'user.create',
    }),
  );
}

/** Inside a write: refuses a taken email, then stores the member and records who added them (the member themselves when actor is null). */
export async function insertNewUser(
  tx: Db,
  input: Pick<User, 'email' | 'name' | 'role'>,
  passwordHash: string,
  now: Date,
  audit: { actor: Actor | null; action: string },
): Promise<User> {
  if ((await findUserByEmail(tx, input.email)) !== undefined) throw emailTaken(input.email);
  const user: User = {
    id: newId(),
    email: input.email,
    name: input.name,
    role: input.role,
    createdAt: now,
    lastLoginAt: null,
    locale: null,
  };
  try {
    await insertUser(tx, user, passwordHash);
  } catch (error) {
    if (isUniqueViolation(error)) throw emailTaken(input.email);
    throw error;
  }
  const actor = audit.actor ?? { kind: 'user' as const, id: user.id, name: user.name };
  await recordAudit(tx, actor, { action: audit.action, entityType: 'user', entityId: user.id, before: null, after: user, at: now });
  return user;
}

function emailTaken(email: string): AppError {
  return new AppError('conflict', `A team member already uses ${email}.`, [{ path: 'email', message: 'is already in use' }]);
}
