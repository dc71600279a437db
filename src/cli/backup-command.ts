import { resolve } from 'node:path';
import type { Command } from 'commander';

// Loaded when a command runs, so `aviso --help` stays quick.
const load = async () => {
  const [{ loadConfig }, { backupSqlite, restoreSqlite }, { findRunning }] = await Promise.all([
    import('../config.ts'),
    import('../storage/sqlite-backup.ts'),
    import('../storage/running-instance.ts'),
  ]);
  return { loadConfig, backupSqlite, restoreSqlite, findRunning };
};

const postgresWay = 'This instance uses PostgreSQL: back it up with pg_dump and restore with pg_restore (see docs/operations.md).';
const mib = (bytes: number) => `${(bytes / 1048576).toFixed(1)} MiB`;

/** `aviso backup FILE` and `aviso restore FILE`, for the SQLite database under AVISO_DATA_DIR. */
export function registerBackupCommands(program: Command): void {
  program
    .command('backup')
    .description('Copy the SQLite database to FILE while Aviso keeps serving (a consistent copy of every committed write).')
    .argument('<file>', 'where to write the copy')
    .action(async (file: string) => {
      const { loadConfig, backupSqlite } = await load();
      const config = loadConfig();
      if (config.database.kind !== 'sqlite') throw new Error(postgresWay);
      const facts = await backupSqlite(config.database.file, resolve(file));
      console.log(`Backed up ${config.database.file} to ${resolve(file)} (${mib(facts.bytes)}, data revision ${facts.revision}).`);
    });

  program
    .command('restore')
    .description('Replace the SQLite database with a backup; refused while Aviso runs on it. The current one is kept beside it.')
    .argument('<file>', 'a file written by aviso backup')
    .action(async (file: string) => {
      const { loadConfig, restoreSqlite, findRunning } = await load();
      const config = loadConfig();
      if (config.database.kind !== 'sqlite') throw new Error(postgresWay);
      const running = findRunning(config.dataDir);
      if (running !== undefined) {
        throw new Error(
          `Aviso is running on this database (pid ${running.pid} on ${running.host}, since ${running.startedAt}): stop it first. ` +
            `If it is not running, delete ${resolve(config.dataDir, 'aviso.pid')}.`,
        );
      }
      const { facts, keptAs } = restoreSqlite(resolve(file), config.database.file, new Date());
      console.log(`Restored ${resolve(file)} (data revision ${facts.revision}) to ${config.database.file}.`);
      if (keptAs !== undefined) console.log(`The database it replaced is kept as ${keptAs}.`);
      console.log('Start Aviso again; it applies any migration the backup lacks.');
    });
}
