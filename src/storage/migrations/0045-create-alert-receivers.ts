import type { Kysely } from 'kysely';

/**
 * Alert receivers: inbound webhooks (one secret URL each) that turn alerts from Alertmanager,
 * Grafana or any tool into component signals through the operator's rules.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('alert_receivers')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    // SHA-256 of the receiver's secret token; the token itself is shown once.
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    // JSON: the rules, in order (label matchers → component, severity → status).
    .addColumn('rules', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('alert_receivers').execute();
}
