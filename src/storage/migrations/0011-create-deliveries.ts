import type { Kysely } from 'kysely';
import { addSerialId } from '../dialect.ts';

/** One row per (event, subscriber, channel): what was sent to whom, when, and how it went. */
export async function up(db: Kysely<any>): Promise<void> {
  await addSerialId(db, db.schema.createTable('deliveries'))
    .addColumn('idempotency_key', 'text', (c) => c.notNull().unique())
    .addColumn('event_id', 'text', (c) => c.notNull())
    .addColumn('event_kind', 'text', (c) => c.notNull())
    .addColumn('subscriber_id', 'text', (c) => c.notNull())
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('message_id', 'text')
    // The job that is sending it: a retry of that job resends what it had in flight, no other job does.
    .addColumn('claimed_by', 'text')
    .addColumn('last_error', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('sent_at', 'text')
    .execute();
  await db.schema.createIndex('deliveries_subscriber').on('deliveries').columns(['subscriber_id', 'created_at']).execute();
  await db.schema.createIndex('deliveries_event').on('deliveries').columns(['event_id', 'subscriber_id']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('deliveries').execute();
}
