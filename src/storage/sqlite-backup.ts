import { existsSync, renameSync, rmSync, statSync } from 'node:fs';
import BetterSqlite3 from 'better-sqlite3';
import { migrations } from './migrations/index.ts';

export interface BackupFacts {
  bytes: number;
  revision: number;
  migrations: number;
}

/** What a copy holds, after SQLite's integrity check; throws with a plain reason when it is no Aviso database. */
export function inspectSqliteCopy(file: string): BackupFacts {
  if (!existsSync(file)) throw new Error(`${file} does not exist`);
  let copy: BetterSqlite3.Database;
  try {
    copy = new BetterSqlite3(file, { readonly: true, fileMustExist: true });
  } catch (error) {
    throw new Error(`${file} cannot be opened as SQLite: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
  }
  try {
    const integrity = (() => {
      try {
        return copy.pragma('integrity_check', { simple: true });
      } catch (error) {
        throw new Error(`${file} is not a SQLite database (${error instanceof Error ? error.message : String(error)})`, { cause: error });
      }
    })();
    if (integrity !== 'ok') throw new Error(`${file} is damaged: SQLite's integrity check says ${String(integrity)}`);
    const tables = new Set(
      (copy.prepare("select name from sqlite_master where type = 'table'").all() as { name: string }[]).map((r) => r.name),
    );
    if (!tables.has('aviso_migrations') || !tables.has('pages')) throw new Error(`${file} is a SQLite database, but not Aviso's`);
    const applied = (copy.prepare('select name from aviso_migrations').all() as { name: string }[]).map((r) => r.name);
    const unknown = applied.filter((name) => !(name in migrations));
    if (unknown.length > 0) throw new Error(`${file} comes from a newer Aviso (migrations ${unknown.join(', ')}); upgrade Aviso first`);
    const revision = Number((copy.prepare('select revision from pages').get() as { revision?: number } | undefined)?.revision ?? 0);
    return { bytes: statSync(file).size, revision, migrations: applied.length };
  } finally {
    copy.close();
  }
}

/**
 * A consistent copy of a live SQLite database through SQLite's online backup API, taken in one
 * step: it holds every write committed before it began, while the server keeps serving and
 * writing. Written beside the destination and renamed into place, so a failed backup leaves no
 * half file under the destination's name.
 */
export async function backupSqlite(source: string, destination: string): Promise<BackupFacts> {
  if (!existsSync(source)) throw new Error(`there is no database at ${source} (AVISO_DATA_DIR)`);
  const partial = `${destination}.partial`;
  rmSync(partial, { force: true });
  const database = new BetterSqlite3(source, { fileMustExist: true });
  try {
    database.pragma('busy_timeout = 5000');
    // After the first (empty) step, all pages in one step: no writer can interleave, so nothing restarts it.
    await database.backup(partial, { progress: () => 0x7fffffff });
  } catch (error) {
    rmSync(partial, { force: true });
    throw error;
  } finally {
    database.close();
  }
  const facts = inspectSqliteCopy(partial);
  renameSync(partial, destination);
  return facts;
}

/**
 * Puts a backup in place of the database at `target`. The current database (with its WAL) is
 * moved aside as `<target>.before-restore-<time>`, never deleted. The caller makes sure no
 * instance is running on it.
 */
export function restoreSqlite(backup: string, target: string, now: Date): { facts: BackupFacts; keptAs: string | undefined } {
  const facts = inspectSqliteCopy(backup);
  const staging = `${target}.restoring`;
  rmSync(staging, { force: true });
  const source = new BetterSqlite3(backup, { readonly: true, fileMustExist: true });
  try {
    source.prepare('vacuum into ?').run(staging);
  } finally {
    source.close();
  }
  let keptAs: string | undefined;
  if (existsSync(target)) {
    keptAs = `${target}.before-restore-${now.toISOString().replace(/[:.]/g, '-')}`;
    for (const suffix of ['', '-wal', '-shm']) if (existsSync(target + suffix)) renameSync(target + suffix, keptAs + suffix);
  }
  renameSync(staging, target);
  return { facts, keptAs };
}
