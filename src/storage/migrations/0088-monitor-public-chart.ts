import type { Kysely } from 'kysely';

/** Whether a monitor's response times are drawn under its component on the public page. */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('monitors')
    .addColumn('public_chart', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('monitors').dropColumn('public_chart').execute();
}
