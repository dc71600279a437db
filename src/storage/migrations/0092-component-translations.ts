import type { Kysely } from 'kysely';

/** The operator's translations of a component's or group's name and description (JSON by language). */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('components').addColumn('translations', 'text').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('components').dropColumn('translations').execute();
}
