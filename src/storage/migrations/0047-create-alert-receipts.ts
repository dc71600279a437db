import type { Kysely } from 'kysely';

/**
 * The last alerts each receiver took in (a few per receiver, pruned as new ones arrive), so the
 * operator sees that Alertmanager or Grafana reaches Aviso and what it sent.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('alert_receipts')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('receiver_id', 'text', (c) => c.notNull().references('alert_receivers.id').onDelete('cascade'))
    .addColumn('received_at', 'text', (c) => c.notNull())
    .addColumn('format', 'text', (c) => c.notNull())
    .addColumn('fingerprint', 'text', (c) => c.notNull())
    .addColumn('firing', 'integer', (c) => c.notNull())
    .addColumn('summary', 'text')
    // JSON: the alert's labels.
    .addColumn('labels', 'text', (c) => c.notNull())
    // JSON: the components it moved (ids); empty when no rule matched.
    .addColumn('component_ids', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('alert_receipts_receiver_idx').on('alert_receipts').columns(['receiver_id', 'received_at']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('alert_receipts').execute();
}
