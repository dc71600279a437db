import { readFileSync, writeFileSync } from 'node:fs';
import { Command } from 'commander';
import { ConfigError, loadConfig } from '../config.ts';
import { applyPageFile, exportPageFile } from '../modules/page-as-code/index.ts';
import { systemClock } from '../shared/clock.ts';
import { systemActor, type Ctx } from '../shared/context.ts';
import { isAppError } from '../shared/errors.ts';
import { silentLogger } from '../shared/logger.ts';
import { openDatabase } from '../storage/database.ts';
import { migrate } from '../storage/migrate.ts';
import { Revisions } from '../storage/revisions.ts';
import { registerApiKeyCommand } from './api-key-command.ts';

/** Runs one command against the configured database (the same SQLite file or DATABASE_URL as the server). */
async function withContext<T>(work: (ctx: Ctx) => Promise<T>): Promise<T> {
  const config = loadConfig();
  const database = openDatabase(config.database);
  try {
    await migrate(database.db);
    const revisions = new Revisions();
    await revisions.load(database.db);
    return await work({ db: database.db, clock: systemClock, log: silentLogger, actor: systemActor, revisions });
  } finally {
    await database.close();
  }
}

const program = new Command('aviso').description('Aviso: a self-hosted status page.').showHelpAfterError();
registerApiKeyCommand(program, withContext);

program
  .command('apply')
  .description('Make the page match a page file (YAML); applying the same file twice changes nothing.')
  .argument('<file>', 'the page file')
  .option('--dry-run', 'print what would change and change nothing')
  .action(async (file: string, options: { dryRun?: boolean }) => {
    const text = readFileSync(file, 'utf8');
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
    const text = await withContext((ctx) => exportPageFile(ctx));
    if (options.output === undefined) process.stdout.write(text);
    else writeFileSync(options.output, text);
  });

program
  .command('migrate')
  .description('Apply pending database migrations.')
  .action(async () => {
    const config = loadConfig();
    const database = openDatabase(config.database);
    try {
      const applied = await migrate(database.db);
      console.log(applied.length === 0 ? 'The database is up to date.' : `Applied: ${applied.join(', ')}`);
    } finally {
      await database.close();
    }
  });

try {
  await program.parseAsync(process.argv);
} catch (error) {
  if (isAppError(error) || error instanceof ConfigError) console.error(error.message);
  else if (error instanceof Error && 'code' in error && error.code === 'ENOENT')
    console.error(`Cannot read ${(error as { path?: string }).path ?? 'the file'}: it does not exist.`);
  else console.error(`aviso: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
}
