import { ConfigError, loadConfig, type Config } from './config.ts';
import { createLogger } from './shared/logger.ts';
import { startAviso } from './start-aviso.ts';
import { JobWorker } from './jobs/index.ts';
import { jobsFromConfig } from './app-jobs.ts';

async function start(config: Config): Promise<void> {
  const log = createLogger(config.logLevel);
  // Starts even when the database is unreachable: it serves the last good pages and keeps retrying.
  const started = await startAviso({ config, log });
  await started.aviso.app.listen({ port: config.port, host: config.host });
  log.info(`Aviso is serving ${config.publicUrl} (${started.database.kind} database)`);
  // One process serves the web and runs the jobs (maintenance start and end, reminders, notifications).
  const jobs = jobsFromConfig(config);
  const worker = new JobWorker({ ctx: started.aviso.deps.ctx, handlers: jobs.handlers, recurring: jobs.recurring });
  worker.start();

  const stop = async (signal: string) => {
    log.info({ signal }, 'stopping');
    await worker.stop();
    await started.close();
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
