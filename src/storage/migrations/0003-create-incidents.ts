import type { Kysely } from 'kysely';

/** Incidents and scheduled maintenances share one table, as they do in Statuspage's model. */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('incidents')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('impact', 'text', (c) => c.notNull())
    .addColumn('impact_override', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('started_at', 'text', (c) => c.notNull())
    .addColumn('monitoring_at', 'text')
    .addColumn('resolved_at', 'text')
    .addColumn('backfilled', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('scheduled_for', 'text')
    .addColumn('scheduled_until', 'text')
    .addColumn('scheduled_remind_prior', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('scheduled_reminded_at', 'text')
    .addColumn('scheduled_auto_in_progress', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('scheduled_auto_completed', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('auto_transition_to_maintenance_state', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('auto_transition_to_operational_state', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('auto_transition_deliver_notifications_at_start', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('auto_transition_deliver_notifications_at_end', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('postmortem_body', 'text')
    .addColumn('postmortem_body_draft', 'text')
    .addColumn('postmortem_body_last_updated_at', 'text')
    .addColumn('postmortem_published_at', 'text')
    .addColumn('postmortem_notified_subscribers', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('postmortem_ignored', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('metadata', 'text', (c) => c.notNull().defaultTo('{}'))
    .execute();
  await db.schema.createIndex('incidents_kind_started').on('incidents').columns(['kind', 'started_at']).execute();

  await db.schema
    .createTable('incident_updates')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('incident_id', 'text', (c) => c.notNull().references('incidents.id').onDelete('cascade'))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('display_at', 'text', (c) => c.notNull())
    .addColumn('deliver_notifications', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
  await db.schema.createIndex('incident_updates_incident').on('incident_updates').columns(['incident_id', 'display_at']).execute();

  // component_id is kept without a foreign key: the history outlives a deleted component.
  await db.schema
    .createTable('incident_update_components')
    .addColumn('incident_update_id', 'text', (c) => c.notNull().references('incident_updates.id').onDelete('cascade'))
    .addColumn('component_id', 'text', (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('old_status', 'text', (c) => c.notNull())
    .addColumn('new_status', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('incident_update_components_pk', ['incident_update_id', 'component_id'])
    .execute();

  await db.schema
    .createTable('incident_components')
    .addColumn('incident_id', 'text', (c) => c.notNull().references('incidents.id').onDelete('cascade'))
    .addColumn('component_id', 'text', (c) => c.notNull().references('components.id').onDelete('cascade'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('incident_components_pk', ['incident_id', 'component_id'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ['incident_components', 'incident_update_components', 'incident_updates', 'incidents']) {
    await db.schema.dropTable(table).execute();
  }
}
