import { ConfigError, loadConfig, type Config } from './config.ts';
import { createLogger } from './shared/logger.ts';
import { startAviso } from './start-aviso.ts';
import { JobWorker } from './jobs/index.ts';
import { buildJobs, monitorSettings } from './app-jobs.ts';
import { createOutbound } from './outbound/index.ts';
import { notificationSettings } from './modules/notifications/index.ts';
import { stopOnSignals } from './stop-on-signals.ts';
import { countDeliveries } from './metrics/count-deliveries.ts';
import { clearRunning, markRunning } from './storage/running-instance.ts';
import { usePasswordCost } from './modules/accounts/index.ts';

async function start(config: Config): Promise<void> {
  const log = createLogger(config.logLevel);
  usePasswordCost(config.passwordCost);
  const signals = stopOnSignals({ log, timeoutMs: config.shutdownTimeoutSeconds * 1000 });
  // Starts even when the database is unreachable: it serves the last good pages and keeps retrying.
  const started = await startAviso({ config, log });
  // One process serves the web and runs the jobs (maintenance start and end, reminders, notifications).
  const notifications = notificationSettings(config);
  const jobs = buildJobs({
    notifications: { ...notifications, channels: countDeliveries(notifications.channels, started.aviso.metrics) },
    monitors: monitorSettings(config),
    thirdParty: { outbound: createOutbound(config.outbound) },
  });
  const worker = new JobWorker({ ctx: started.aviso.deps.ctx, handlers: jobs.handlers, recurring: jobs.recurring });
  signals.setStop(async () => {
    // Stop accepting and let in-flight requests finish while the running job completes; then close the database.
    // The background rendering of the site stops first: it asks the app, which is about to close.
    await started.aviso.siteRenderer?.stop();
    await Promise.all([started.aviso.app.close(), worker.stop()]);
    await started.close();
    clearRunning(config.dataDir);
  });
  if (signals.requested) return;
  await started.aviso.app.listen({ port: config.port, host: config.host });
  markRunning(config.dataDir, new Date());
  log.info(`Aviso is serving ${config.publicUrl} (${started.database.kind} database)`);
  worker.start();
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
