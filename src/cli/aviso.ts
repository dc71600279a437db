import { readFileSync, writeFileSync } from 'node:fs';
import { Command } from 'commander';
import type { Ctx } from '../shared/context.ts';
import { registerApiKeyCommand } from './api-key-command.ts';
import { registerBackupCommands } from './backup-command.ts';
import { registerDoctorCommand } from './doctor-command.ts';
import { registerExportStaticCommand } from './export-static-command.ts';
import { registerImportCommand } from './import-command.ts';

// Each command loads what it needs when it runs, so `aviso --help` and `--version` answer at once.

/** Runs one command against the configured database (the same SQLite file or DATABASE_URL as the server). */
async function withContext<T>(work: (ctx: Ctx) => Promise<T>): Promise<T> {
  const [
    { loadConfig },
    { openDatabase },
    { migrate },
    { Revisions },
    { systemClock },
    { systemActor },
    { silentLogger },
    { usePasswordCost },
  ] = await Promise.all([
    import('../config.ts'),
    import('../storage/database.ts'),
    import('../storage/migrate.ts'),
    import('../storage/revisions.ts'),
    import('../shared/clock.ts'),
    import('../shared/context.ts'),
    import('../shared/logger.ts'),
    import('../modules/accounts/index.ts'),
  ]);
  const config = loadConfig();
  usePasswordCost(config.passwordCost);
  const database = openDatabase(config.database);
  try {
    await migrate(database.db);
    const revisions = new Revisions();
    await revisions.load(database.db);
    return await work({
      db: database.db,
      clock: systemClock,
      log: silentLogger,
      actor: systemActor,
      revisions,
      publicUrl: config.publicUrl,
    });
  } finally {
    await database.close();
  }
}

const { version } = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
const program = new Command('aviso')
  .description('Aviso: a self-hosted status page.')
  .version(version, '-v, --version', 'print the version of Aviso')
  .showHelpAfterError();
registerApiKeyCommand(program, withContext);
registerImportCommand(program, withContext);

program
  .command('apply')
  .description('Make the page match a page file (YAML); applying the same file twice changes nothing.')
  .argument('<file>', 'the page file')
  .option('--dry-run', 'print what would change and change nothing')
  .action(async (file: string, options: { dryRun?: boolean }) => {
    const text = readFileSync(file, 'utf8');
    const { applyPageFile } = await import('../modules/page-as-code/index.ts');
    const result = await withContext((ctx) => applyPageFile(ctx, text, { dryRun: options.dryRun === true }));
    if (result.changes.length === 0) return console.log('No changes: the page already matches the file.');
    console.log(options.dryRun === true ? 'Would change:' : 'Changed:');
    for (const line of result.changes) console.log(`  ${line}`);
  });

program
  .command('export')
  .description('Write the whole page as a page file (YAML).')
  .option('-o, --output <file>', 'write to this file instead of standard output')
  .action(async (options: { output?: string }) => {
    const { exportPageFile } = await import('../modules/page-as-code/index.ts');
    const text = await withContext((ctx) => exportPageFile(ctx));
    if (options.output === undefined) process.stdout.write(text);
    else writeFileSync(options.output, text);
  });

program
  .command('migrate')
  .description('Apply pending database migrations.')
  .action(async () => {
    const [{ loadConfig }, { openDatabase }, { migrate }] = await Promise.all([
      import('../config.ts'),
      import('../storage/database.ts'),
      import('../storage/migrate.ts'),
    ]);
    const database = openDatabase(loadConfig().database);
    try {
      const applied = await migrate(database.db);
      console.log(applied.length === 0 ? 'The database is up to date.' : `Applied: ${applied.join(', ')}`);
    } finally {
      await database.close();
    }
  });

registerBackupCommands(program);
registerDoctorCommand(program);
registerExportStaticCommand(program);

try {
  await program.parseAsync(process.argv);
} catch (error) {
  const { ConfigError } = await import('../config.ts');
  const { isAppError } = await import('../shared/errors.ts');
  if (isAppError(error) || error instanceof ConfigError) console.error(error.message);
  else if (error instanceof Error && 'code' in error && error.code === 'ENOENT')
    console.error(`Cannot read ${(error as { path?: string }).path ?? 'the file'}: it does not exist.`);
  else console.error(`aviso: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
}
