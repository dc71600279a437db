import type { Kysely } from 'kysely';

/**
 * A member's second factor: the TOTP secret (set when they start enrolling, in force once
 * `totp_enabled_at` is set by a first right code) and the SHA-256 hashes of their unused recovery
 * codes, as a JSON array.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('users').addColumn('totp_secret', 'text').execute();
  await db.schema.alterTable('users').addColumn('totp_enabled_at', 'text').execute();
  await db.schema.alterTable('users').addColumn('recovery_code_hashes', 'text').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const column of ['recovery_code_hashes', 'totp_enabled_at', 'totp_secret']) {
    await db.schema.alterTable('users').dropColumn(column).execute();
  }
}
