import type { Kysely } from 'kysely';
import { addSerialId } from '../dialect.ts';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('components')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('description', 'text')
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('is_group', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('group_id', 'text', (c) => c.references('components.id').onDelete('set null'))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('showcase', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('only_show_if_degraded', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('start_date', 'text')
    .addColumn('third_party_source_url', 'text')
    .addColumn('third_party_component_id', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('components_group_position').on('components').columns(['group_id', 'position']).execute();

  await addSerialId(db, db.schema.createTable('component_status_changes'))
    .addColumn('component_id', 'text', (c) => c.notNull().references('components.id').onDelete('cascade'))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('changed_at', 'text', (c) => c.notNull())
    .addColumn('cause', 'text', (c) => c.notNull())
    .addColumn('cause_id', 'text')
    .addColumn('recorded_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('component_status_changes_component_time')
    .on('component_status_changes')
    .columns(['component_id', 'changed_at'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('component_status_changes').execute();
  await db.schema.dropTable('components').execute();
}
