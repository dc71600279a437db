import type { Kysely } from 'kysely';
import { addSerialId } from '../dialect.ts';

/** Subscribers, what they follow, and the subscribe requests counted for abuse limits. */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('subscribers')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('address', 'text', (c) => c.notNull())
    // Lower-cased address plus the incident for incident subscriptions: one subscriber per key.
    .addColumn('address_key', 'text', (c) => c.notNull().unique())
    .addColumn('scope', 'text', (c) => c.notNull())
    .addColumn('incident_id', 'text')
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('locale', 'text', (c) => c.notNull())
    .addColumn('token_key', 'text', (c) => c.notNull())
    .addColumn('signing_secret', 'text')
    .addColumn('notify_email', 'text')
    .addColumn('failure_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('last_failure_at', 'text')
    .addColumn('last_error', 'text')
    .addColumn('confirmed_at', 'text')
    .addColumn('quarantined_at', 'text')
    .addColumn('purge_at', 'text')
    .addColumn('unsubscribed_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('subscribers_state').on('subscribers').columns(['state', 'id']).execute();
  await db.schema
    .createTable('subscriber_components')
    .addColumn('subscriber_id', 'text', (c) => c.notNull().references('subscribers.id').onDelete('cascade'))
    .addColumn('component_id', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('subscriber_components_pk', ['subscriber_id', 'component_id'])
    .execute();
  await db.schema.createIndex('subscriber_components_component').on('subscriber_components').columns(['component_id']).execute();
  await addSerialId(db, db.schema.createTable('subscribe_requests'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('key', 'text', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('subscribe_requests_key').on('subscribe_requests').columns(['kind', 'key', 'at']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('subscribe_requests').execute();
  await db.schema.dropTable('subscriber_components').execute();
  await db.schema.dropTable('subscribers').execute();
}
