import { Migrator, type Kysely, type MigrationProvider } from 'kysely';
import { migrations } from './migrations/index.ts';

const provider: MigrationProvider = { getMigrations: async () => migrations };

/** Applies every pending migration; throws with the failing migration's name. */
export async function migrate(db: Kysely<any>): Promise<string[]> {
  // Each line of work numbers its migrations in its own range, so a database may have applied a
  // higher number (0070) before a lower one (0050) ships; the missing ones are applied in order.
  const migrator = new Migrator({
    db,
    provider,
    migrationTableName: 'aviso_migrations',
    migrationLockTableName: 'aviso_migrations_lock',
    allowUnorderedMigrations: true,
  });
  const { error, results } = await migrator.migrateToLatest();
  const failed = results?.find((r) => r.status === 'Error');
  if (error) {
    const reason = error instanceof Error ? error.message : JSON.stringify(error);
    throw new Error(`Migration ${failed?.migrationName ?? ''} failed: ${reason}`, { cause: error });
  }
  return (results ?? []).map((r) => r.migrationName);
}

/** True when every known migration has been applied (for /readyz). */
export async function isMigrated(db: Kysely<any>): Promise<boolean> {
  const migrator = new Migrator({ db, provider, migrationTableName: 'aviso_migrations', migrationLockTableName: 'aviso_migrations_lock' });
  const list = await migrator.getMigrations();
  return list.every((m) => m.executedAt !== undefined);
}

/** What the doctor reports: migrations this version would apply, and applied ones it does not know (a newer Aviso's). */
export async function migrationState(db: Kysely<any>): Promise<{ pending: string[]; unknown: string[] }> {
  const migrator = new Migrator({ db, provider, migrationTableName: 'aviso_migrations', migrationLockTableName: 'aviso_migrations_lock' });
  const list = await migrator.getMigrations();
  const known = new Set(Object.keys(migrations));
  const hasTable = await db.introspection.getTables().then((tables) => tables.some((t) => t.name === 'aviso_migrations'));
  const applied = hasTable ? (await db.selectFrom('aviso_migrations').select('name').execute()).map((r: { name: string }) => r.name) : [];
  return {
    pending: list.filter((m) => m.executedAt === undefined).map((m) => m.name),
    unknown: applied.filter((name) => !known.has(name)),
  };
}
