import type { Kysely } from 'kysely';

/** The automatic incident a receiver follows for a component, while its alerts hold that component. */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('alert_incidents')
    .addColumn('receiver_id', 'text', (c) => c.notNull().references('alert_receivers.id').onDelete('cascade'))
    .addColumn('component_id', 'text', (c) => c.notNull().references('components.id').onDelete('cascade'))
    .addColumn('incident_id', 'text', (c) => c.notNull())
    // The status the incident last reported, so a repeated alert posts no new update.
    .addColumn('status', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('alert_incidents_pk', ['receiver_id', 'component_id'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('alert_incidents').execute();
}
