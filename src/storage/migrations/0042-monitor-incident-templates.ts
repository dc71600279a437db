import type { Kysely } from 'kysely';

/** The incident template a monitor's automatic incident is written from (null: Aviso's own words). */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('monitors').addColumn('incident_template_id', 'text').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('monitors').dropColumn('incident_template_id').execute();
}
