import type { Kysely, Selectable } from 'kysely';
import { fromTimestamp, toNumber, toTimestamp } from '../../storage/dialect.ts';
import type { Database, UsersTable } from '../../storage/tables.ts';
import { isLocale } from '../../shared/locales.ts';
import type { Role } from './role.ts';
import type { User } from './user.ts';

type Row = Selectable<UsersTable>;

export function toUser(row: Row): User {
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    role: row.role as Role,
    createdAt: fromTimestamp(row.createdAt),
    lastLoginAt: fromTimestamp(row.lastLoginAt),
    locale: row.locale !== null && isLocale(row.locale) ? row.locale : null,
  };
}

export async function insertUser(db: Kysely<Database>, user: User, passwordHash: string): Promise<void> {
  const at = toTimestamp(user.createdAt);
  await db
    .insertInto('users')
    .values({
      id: user.id,
      email: user.email,
      name: user.name,
      role: user.role,
      passwordHash,
      createdAt: at,
      updatedAt: at,
      lastLoginAt: null,
      totpSecret: null,
      totpEnabledAt: null,
      recoveryCodeHashes: null,
      locale: user.locale,
    })
    .execute();
}

export async function findUser(db: Kysely<Database>, id: string): Promise<User | undefined> {
  const row = await db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
  return row === undefined ? undefined : toUser(row);
}

export async function findUserByEmail(db: Kysely<Database>, email: string): Promise<{ user: User; passwordHash: string } | undefined> {
  const row = await db.selectFrom('users').selectAll().where('email', '=', email).executeTakeFirst();
  return row === undefined ? undefined : { user: toUser(row), passwordHash: row.passwordHash };
}

export async function listUserRows(db: Kysely<Database>): Promise<User[]> {
  const rows = await db.selectFrom('users').selectAll().orderBy('createdAt').orderBy('email').execute();
  return rows.map(toUser);
}

export async function countUsers(db: Kysely<Database>, role?: Role): Promise<number> {
  let query = db.selectFrom('users').select((eb) => eb.fn.countAll().as('n'));
  if (role !== undefined) query = query.where('role', '=', role);
  const row = await query.executeTakeFirst();
  return toNumber(row?.n);
}

export async function saveUser(db: Kysely<Database>, user: User, at: Date, passwordHash?: string): Promise<void> {
  await db
    .updateTable('users')
    .set({ name: user.name, role: user.role, updatedAt: toTimestamp(at), ...(passwordHash !== undefined && { passwordHash }) })
    .where('id', '=', user.id)
    .execute();
}

export async function markLoggedIn(db: Kysely<Database>, id: string, at: Date): Promise<void> {
  await db
    .updateTable('users')
    .set({ lastLoginAt: toTimestamp(at) })
    .where('id', '=', id)
    .execute();
}

export async function deleteUserRow(db: Kysely<Database>, id: string): Promise<void> {
  await db.deleteFrom('users').where('id', '=', id).execute();
}

export interface SecondFactor {
  secret: string | null;
  enabledAt: Date | null;
  recoveryCodeHashes: string[];
}

export async function findSecondFactor(db: Kysely<Database>, id: string): Promise<SecondFactor | undefined> {
  const row = await db
    .selectFrom('users')
    .select(['totpSecret', 'totpEnabledAt', 'recoveryCodeHashes'])
    .where('id', '=', id)
    .executeTakeFirst();
  if (row === undefined) return undefined;
  return {
    secret: row.totpSecret,
    enabledAt: fromTimestamp(row.totpEnabledAt),
    recoveryCodeHashes: row.recoveryCodeHashes === null ? [] : (JSON.parse(row.recoveryCodeHashes) as string[]),
  };
}

export async function saveSecondFactor(db: Kysely<Database>, id: string, factor: SecondFactor, at: Date): Promise<void> {
  await db
    .updateTable('users')
    .set({
      totpSecret: factor.secret,
      totpEnabledAt: factor.enabledAt === null ? null : toTimestamp(factor.enabledAt),
      recoveryCodeHashes: factor.recoveryCodeHashes.length === 0 ? null : JSON.stringify(factor.recoveryCodeHashes),
      updatedAt: toTimestamp(at),
    })
    .where('id', '=', id)
    .execute();
}

/**
 * Records that a member logged in with the code of `step`, unless that step or a later one was used
 * already; whether it was recorded. One conditional update, so two logins racing with one code
 * cannot both win.
 */
export async function claimTotpStep(db: Kysely<Database>, id: string, step: number): Promise<boolean> {
  const result = await db
    .updateTable('users')
    .set({ totpLastStep: step })
    .where('id', '=', id)
    .where((eb) => eb.or([eb('totpLastStep', 'is', null), eb('totpLastStep', '<', step)]))
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function updateUserLocale(db: Kysely<Database>, id: string, locale: string | null, at: Date): Promise<void> {
  await db
    .updateTable('users')
    .set({ locale, updatedAt: toTimestamp(at) })
    .where('id', '=', id)
    .execute();
}
