import type { Kysely } from 'kysely';
import { addSerialId } from '../dialect.ts';

/**
 * The "forgot password" requests each client address made recently, so one address cannot send
 * the form without end (whatever email it names, member or not).
 */
export async function up(db: Kysely<any>): Promise<void> {
  await addSerialId(db, db.schema.createTable('reset_requests'))
    .addColumn('ip', 'text', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('reset_requests_ip').on('reset_requests').columns(['ip', 'at']).execute();
  await db.schema.createIndex('reset_requests_at').on('reset_requests').column('at').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('reset_requests').execute();
}
