import type { Kysely } from 'kysely';
import { addSerialId } from '../dialect.ts';

/**
 * Monitors and what automation knows about components: the signals that drive a component's
 * status (the worst active one wins) and the stretches when a check could not run ("no data").
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('monitors')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('component_id', 'text', (c) => c.references('components.id').onDelete('set null'))
    // Kind-specific settings (URL, host and port, record type, …) as JSON.
    .addColumn('settings', 'text', (c) => c.notNull())
    .addColumn('interval_seconds', 'integer', (c) => c.notNull())
    .addColumn('timeout_ms', 'integer', (c) => c.notNull())
    .addColumn('retries', 'integer', (c) => c.notNull())
    .addColumn('failure_threshold', 'integer', (c) => c.notNull())
    .addColumn('recovery_threshold', 'integer', (c) => c.notNull())
    .addColumn('failing_status', 'text', (c) => c.notNull())
    .addColumn('degraded_status', 'text', (c) => c.notNull())
    .addColumn('allow_private', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('paused', 'integer', (c) => c.notNull().defaultTo(0))
    // SHA-256 of the heartbeat's secret (heartbeat monitors only).
    .addColumn('push_token_hash', 'text', (c) => c.unique())
    .addColumn('auto_incident', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  // What the checks have concluded so far: counters of the confirmation thresholds, the last result.
  await db.schema
    .createTable('monitor_states')
    .addColumn('monitor_id', 'text', (c) => c.primaryKey().references('monitors.id').onDelete('cascade'))
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('failures', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('successes', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('last_checked_at', 'text')
    .addColumn('last_outcome', 'text')
    .addColumn('last_reason', 'text')
    .addColumn('last_duration_ms', 'integer')
    .addColumn('last_ping_at', 'text')
    .addColumn('incident_id', 'text')
    .execute();

  // Raw results, kept a day; older ones live on as hourly and daily aggregates.
  await addSerialId(db, db.schema.createTable('monitor_results'))
    .addColumn('monitor_id', 'text', (c) => c.notNull().references('monitors.id').onDelete('cascade'))
    .addColumn('checked_at', 'text', (c) => c.notNull())
    .addColumn('outcome', 'text', (c) => c.notNull())
    .addColumn('duration_ms', 'integer')
    .addColumn('reason', 'text')
    .execute();
  await db.schema.createIndex('monitor_results_monitor_time').on('monitor_results').columns(['monitor_id', 'checked_at']).execute();
  await db.schema.createIndex('monitor_results_time').on('monitor_results').column('checked_at').execute();

  await db.schema
    .createTable('monitor_rollups')
    .addColumn('monitor_id', 'text', (c) => c.notNull().references('monitors.id').onDelete('cascade'))
    .addColumn('period', 'text', (c) => c.notNull())
    .addColumn('period_start', 'text', (c) => c.notNull())
    .addColumn('up_count', 'integer', (c) => c.notNull())
    .addColumn('degraded_count', 'integer', (c) => c.notNull())
    .addColumn('down_count', 'integer', (c) => c.notNull())
    .addColumn('no_data_count', 'integer', (c) => c.notNull())
    .addColumn('duration_sum_ms', 'integer', (c) => c.notNull())
    .addColumn('duration_count', 'integer', (c) => c.notNull())
    .addColumn('duration_max_ms', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('monitor_rollups_pk', ['monitor_id', 'period', 'period_start'])
    .execute();

  // One row per active signal: the worst of a component's signals is its status.
  await db.schema
    .createTable('component_signals')
    .addColumn('component_id', 'text', (c) => c.notNull().references('components.id').onDelete('cascade'))
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('source_id', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('summary', 'text')
    .addColumn('raised_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('component_signals_pk', ['component_id', 'source', 'source_id'])
    .execute();

  // What automation set on a component and what it found there first, to restore it when all clear.
  await db.schema
    .createTable('component_automation')
    .addColumn('component_id', 'text', (c) => c.primaryKey().references('components.id').onDelete('cascade'))
    .addColumn('baseline_status', 'text', (c) => c.notNull())
    .addColumn('applied_status', 'text', (c) => c.notNull())
    .execute();

  await addSerialId(db, db.schema.createTable('component_no_data'))
    .addColumn('component_id', 'text', (c) => c.notNull().references('components.id').onDelete('cascade'))
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('source_id', 'text', (c) => c.notNull())
    .addColumn('from_at', 'text', (c) => c.notNull())
    .addColumn('to_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('component_no_data_component').on('component_no_data').columns(['component_id', 'from_at']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of [
    'component_no_data',
    'component_automation',
    'component_signals',
    'monitor_rollups',
    'monitor_results',
    'monitor_states',
    'monitors',
  ])
    await db.schema.dropTable(table).execute();
}
