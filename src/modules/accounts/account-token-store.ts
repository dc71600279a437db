import type { Kysely } from 'kysely';
import { fromTimestamp, toNumber, toTimestamp } from '../../storage/dialect.ts';
import type { Database } from '../../storage/tables.ts';
import type { Role } from './role.ts';

export type AccountTokenKind = 'setup' | 'invite' | 'reset';

export interface AccountToken {
  kind: AccountTokenKind;
  email: string | null;
  role: Role;
  createdBy: string | null;
  createdAt: Date;
  expiresAt: Date;
  usedAt: Date | null;
}

export async function insertAccountToken(db: Kysely<Database>, tokenHash: string, token: AccountToken): Promise<void> {
  await db
    .insertInto('accountTokens')
    .values({
      tokenHash,
      kind: token.kind,
      email: token.email,
      role: token.role,
      createdBy: token.createdBy,
      createdAt: toTimestamp(token.createdAt),
      expiresAt: toTimestamp(token.expiresAt),
      usedAt: null,
    })
    .execute();
}

export async function findAccountToken(db: Kysely<Database>, tokenHash: string): Promise<AccountToken | undefined> {
  const row = await db.selectFrom('accountTokens').selectAll().where('tokenHash', '=', tokenHash).executeTakeFirst();
  if (row === undefined) return undefined;
  return {
    kind: row.kind as AccountTokenKind,
    email: row.email,
    role: row.role as Role,
    createdBy: row.createdBy,
    createdAt: fromTimestamp(row.createdAt),
    expiresAt: fromTimestamp(row.expiresAt),
    usedAt: fromTimestamp(row.usedAt),
  };
}

/** Burns a token; false when it was already used (another request got there first). */
export async function burnAccountToken(db: Kysely<Database>, tokenHash: string, at: Date): Promise<boolean> {
  const result = await db
    .updateTable('accountTokens')
    .set({ usedAt: toTimestamp(at) })
    .where('tokenHash', '=', tokenHash)
    .where('usedAt', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Tokens of a kind issued for an email since a time (how many reset links went to one address). */
export async function countAccountTokens(db: Kysely<Database>, kind: AccountTokenKind, email: string, since: Date): Promise<number> {
  const row = await db
    .selectFrom('accountTokens')
    .select((eb) => eb.fn.countAll().as('n'))
    .where('kind', '=', kind)
    .where('email', '=', email)
    .where('createdAt', '>=', toTimestamp(since))
    .executeTakeFirst();
  return toNumber(row?.n);
}
