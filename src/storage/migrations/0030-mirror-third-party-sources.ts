import type { Kysely } from 'kysely';

/**
 * Third-party components mirror their source: each source URL is polled once per interval (its
 * state, validators and backoff live in `third_party_sources`), and a component remembers since
 * when its source could not be read and until when an operator holds its status.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('components').addColumn('status_unknown_since', 'text').execute();
  await db.schema.alterTable('components').addColumn('mirror_held_until', 'text').execute();
  await db.schema
    .createTable('third_party_sources')
    .addColumn('url', 'text', (c) => c.primaryKey())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('interval_seconds', 'integer', (c) => c.notNull().defaultTo(60))
    .addColumn('etag', 'text')
    .addColumn('last_modified', 'text')
    .addColumn('next_poll_at', 'text', (c) => c.notNull())
    .addColumn('last_polled_at', 'text')
    .addColumn('last_read_at', 'text')
    .addColumn('failing_since', 'text')
    .addColumn('consecutive_failures', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('last_error', 'text')
    .addColumn('catalogue', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('third_party_sources').execute();
  await db.schema.alterTable('components').dropColumn('mirror_held_until').execute();
  await db.schema.alterTable('components').dropColumn('status_unknown_since').execute();
}
