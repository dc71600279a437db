import { sql } from 'kysely';
import type { Db } from './database.ts';
import { isMigrated } from './migrate.ts';

export type DatabaseReadiness = { reachable: true; migrated: boolean } | { reachable: false; reason: string };

/** Whether the database answers and has every migration applied (for /readyz). */
export async function checkDatabase(db: Db): Promise<DatabaseReadiness> {
  try {
    await sql`select 1`.execute(db);
    return { reachable: true, migrated: await isMigrated(db) };
  } catch (error) {
    return { reachable: false, reason: error instanceof Error ? error.message : 'no answer' };
  }
}
