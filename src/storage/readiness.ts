import { constants } from 'node:fs';
import { access, statfs } from 'node:fs/promises';
import { dirname } from 'node:path';
import { sql } from 'kysely';
import type { OpenDatabase } from './database.ts';
import { isMigrated } from './migrate.ts';

export type DatabaseReadiness =
  | { reachable: true; migrated: boolean; /** Why no write can succeed, when none can. */ readOnly: string | undefined }
  | { reachable: false; reason: string };

/** Whether the database answers, has every migration applied, and can take writes (for /readyz). */
export async function checkDatabase(database: Pick<OpenDatabase, 'db' | 'kind' | 'file' | 'refusals'>): Promise<DatabaseReadiness> {
  try {
    await sql`select 1`.execute(database.db);
    return { reachable: true, migrated: await isMigrated(database.db), readOnly: await whyReadOnly(database) };
  } catch (error) {
    // The driver's own words for the operator (the 503 a visitor gets names the cause in plain words).
    const cause = error instanceof Error && error.cause instanceof Error ? error.cause : error;
    return { reachable: false, reason: cause instanceof Error ? cause.message : 'no answer' };
  }
}

async function whyReadOnly(database: Pick<OpenDatabase, 'db' | 'kind' | 'file' | 'refusals'>): Promise<string | undefined> {
  const refused = database.refusals.recent();
  if (refused !== undefined) return `a write was refused: ${refused.message}`;
  if (database.kind === 'postgres') {
    const { rows } = await sql<{ readOnly: string }>`select current_setting('transaction_read_only') as read_only`.execute(database.db);
    return rows[0]?.readOnly === 'on' ? 'the postgres server accepts no changes (transaction_read_only is on: a standby?)' : undefined;
  }
  if (database.file === undefined) return undefined;
  for (const path of [database.file, dirname(database.file)]) {
    const denied = await access(path, constants.W_OK).then(
      () => undefined,
      (error: NodeJS.ErrnoException) => error.code,
    );
    if (denied !== undefined && denied !== 'ENOENT') return `${path} cannot be written (${denied})`;
  }
  const disk = await statfs(dirname(database.file));
  if (disk.bavail === 0) return 'the disk holding the database is full';
  return undefined;
}
