import type { Kysely } from 'kysely';

/** The operator's translations of an incident's name, its updates and its postmortem (JSON by language). */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('incidents').addColumn('translations', 'text').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('incidents').dropColumn('translations').execute();
}
