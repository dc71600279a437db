import type { Kysely } from 'kysely';

/**
 * The 30-second step of the last authenticator code a member logged in with: a code (or an earlier
 * one) is refused once used, so a code seen over a shoulder or in a proxy log cannot log in again.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('users').addColumn('totp_last_step', 'bigint').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('users').dropColumn('totp_last_step').execute();
}
