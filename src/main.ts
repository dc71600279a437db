import { ConfigError, loadConfig, type Config } from './config.ts';
import { buildAviso } from './app.ts';
import { createLogger } from './shared/logger.ts';
import { openDatabase } from './storage/database.ts';
import { migrate } from './storage/migrate.ts';
import { systemActor } from './shared/context.ts';
import { systemClock } from './shared/clock.ts';
import { Revisions } from './storage/revisions.ts';
import { prepareContent } from './prepare-content.ts';

async function start(config: Config): Promise<void> {
  const log = createLogger(config.logLevel);
  const database = openDatabase(config.database);
  const applied = await migrate(database.db);
  if (applied.length > 0) log.info({ migrations: applied }, 'database migrated');
  await prepareContent({ db: database.db, clock: systemClock, log, actor: systemActor, revisions: new Revisions() }, config);

  const aviso = await buildAviso({ config, database, log });
  await aviso.app.listen({ port: config.port, host: config.host });
  log.info(`Aviso is serving ${config.publicUrl} (${database.kind} database)`);

  const stop = async (signal: string) => {
    log.info({ signal }, 'stopping');
    await aviso.close();
    await database.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void stop('SIGINT'));
  process.once('SIGTERM', () => void stop('SIGTERM'));
}

try {
  await start(loadConfig());
} catch (error) {
  if (error instanceof ConfigError) {
    console.error(error.message);
    process.exit(2);
  }
  console.error(error instanceof Error ? `Aviso could not start: ${error.message}` : error);
  process.exit(1);
}
