import type { Kysely } from 'kysely';

/** Prepared incident texts an operator starts from, as Statuspage's incident templates. */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('incident_templates')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('update_status', 'text', (c) => c.notNull())
    .addColumn('component_ids', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('should_send_notifications', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('should_tweet', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('group_id', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('incident_templates').execute();
}
