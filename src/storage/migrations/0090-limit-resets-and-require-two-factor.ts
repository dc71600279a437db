import type { Kysely } from 'kysely';
import { addSerialId } from '../dialect.ts';

/**
 * The "forgot password" requests each client address made recently, so one address cannot send
 * the form without end (whatever email it names, member or not); the team's rule that logins need
 * a second factor (one row, absent while off); and how each session was opened (`password`,
 * `passkey`, `oidc`; null for sessions opened before, which were password logins), since a login
 * through the identity provider is governed by the provider.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await addSerialId(db, db.schema.createTable('reset_requests'))
    .addColumn('ip', 'text', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('reset_requests_ip').on('reset_requests').columns(['ip', 'at']).execute();
  await db.schema.createIndex('reset_requests_at').on('reset_requests').column('at').execute();

  await db.schema
    .createTable('team_settings')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('require_two_factor', 'integer', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.alterTable('sessions').addColumn('login_method', 'text').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('sessions').dropColumn('login_method').execute();
  await db.schema.dropTable('team_settings').execute();
  await db.schema.dropTable('reset_requests').execute();
}
