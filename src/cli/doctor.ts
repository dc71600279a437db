import { accessSync, constants, mkdirSync } from 'node:fs';
import { ConfigError, loadConfig, type Config } from '../config.ts';
import { getPage } from '../modules/page/index.ts';
import { openDatabase } from '../storage/database.ts';
import { migrationState } from '../storage/migrate.ts';
import { checkDatabase as databaseAnswers } from '../storage/readiness.ts';

export interface Finding {
  level: 'ok' | 'warn' | 'fail';
  topic: string;
  message: string;
}

const reason = (error: unknown) => (error instanceof Error ? error.message : String(error));
const isLocal = (host: string) => host === 'localhost' || host === '127.0.0.1' || host === '[::1]';

/** The public URL: set, HTTPS for the world, and answering as an Aviso. */
async function checkPublicUrl(config: Config, timeoutMs: number): Promise<Finding[]> {
  const found: Finding[] = [];
  const url = new URL(config.publicUrl);
  if (!config.publicUrlIsSet)
    found.push({
      level: 'warn',
      topic: 'public URL',
      message: `AVISO_PUBLIC_URL is not set, so links in emails, feeds and the APIs point to ${config.publicUrl}; set it to the address visitors use.`,
    });
  else if (url.protocol === 'http:' && !isLocal(url.hostname))
    found.push({
      level: 'warn',
      topic: 'public URL',
      message: `${config.publicUrl} is plain HTTP; serve Aviso behind a proxy that terminates TLS and set AVISO_PUBLIC_URL to its https:// address.`,
    });
  try {
    const response = await fetch(`${config.publicUrl}/healthz`, { signal: AbortSignal.timeout(timeoutMs), redirect: 'manual' });
    const body = (await response.json().catch(() => undefined)) as { status?: string } | undefined;
    if (response.status === 200 && body?.status === 'ok')
      found.push({ level: 'ok', topic: 'public URL', message: `${config.publicUrl} answers as Aviso.` });
    else
      found.push({
        level: 'warn',
        topic: 'public URL',
        message: `${config.publicUrl}/healthz answered ${response.status}${response.status >= 300 && response.status < 400 ? ` (a redirect to ${response.headers.get('location') ?? '?'})` : ''}, not Aviso's health check: is the proxy pointing at Aviso?`,
      });
  } catch (error) {
    found.push({
      level: 'warn',
      topic: 'public URL',
      message: `${config.publicUrl} cannot be reached from here (${reason((error as { cause?: unknown }).cause ?? error)}); fine if Aviso is not running yet.`,
    });
  }
  return found;
}

/** The database answers, its migrations, and the page's own URL setting. */
async function checkDatabase(config: Config): Promise<Finding[]> {
  const found: Finding[] = [];
  const where = config.database.kind === 'sqlite' ? config.database.file : new URL(config.database.url).host;
  const database = openDatabase(config.database);
  try {
    const answer = await databaseAnswers(database);
    if (!answer.reachable) throw new Error(answer.reason);
    found.push({ level: 'ok', topic: 'database', message: `the ${config.database.kind} database at ${where} answers.` });
    const { pending, unknown } = await migrationState(database.db);
    if (unknown.length > 0)
      found.push({
        level: 'fail',
        topic: 'migrations',
        message: `the database was migrated by a newer Aviso (${unknown.join(', ')}); run that version or upgrade.`,
      });
    else if (pending.length > 0)
      found.push({
        level: 'warn',
        topic: 'migrations',
        message: `${pending.length} migration(s) will be applied at the next start: ${pending.join(', ')}.`,
      });
    else found.push({ level: 'ok', topic: 'migrations', message: 'every migration is applied.' });
    if (pending.length === 0 && unknown.length === 0) {
      const page = await getPage({ db: database.db }).catch(() => undefined);
      if (page === undefined) found.push({ level: 'warn', topic: 'page', message: 'there is no page yet; the first start creates it.' });
      else if (page.url.replace(/\/+$/, '') !== config.publicUrl)
        found.push({
          level: 'ok',
          topic: 'page',
          message: `"${page.name}": its stored url setting (${page.url}) is not used for links; Aviso links to ${config.publicUrl}.`,
        });
      else found.push({ level: 'ok', topic: 'page', message: `"${page.name}".` });
    }
  } catch (error) {
    found.push({
      level: 'fail',
      topic: 'database',
      message: `cannot reach the ${config.database.kind} database at ${where}: ${reason(error)}.`,
    });
  } finally {
    await database.close();
  }
  return found;
}

async function checkSmtp(config: Config, timeoutMs: number): Promise<Finding> {
  if (config.smtpUrl === undefined)
    return {
      level: 'warn',
      topic: 'email',
      message: 'AVISO_SMTP_URL is not set: nobody can subscribe by email, and invitations are not mailed.',
    };
  const server = new URL(config.smtpUrl);
  const { default: nodemailer } = await import('nodemailer');
  const transport = nodemailer.createTransport({ url: config.smtpUrl, connectionTimeout: timeoutMs, greetingTimeout: timeoutMs } as never);
  try {
    await transport.verify();
    return {
      level: 'ok',
      topic: 'email',
      message: `the SMTP server ${server.host} accepts Aviso's connection${config.mailFrom ? `; mail comes from ${config.mailFrom}` : ''}.`,
    };
  } catch (error) {
    return { level: 'fail', topic: 'email', message: `the SMTP server ${server.host} does not accept Aviso: ${reason(error)}.` };
  } finally {
    transport.close();
  }
}

function checkDataDir(config: Config): Finding {
  try {
    mkdirSync(config.dataDir, { recursive: true });
    accessSync(config.dataDir, constants.W_OK);
    return { level: 'ok', topic: 'data directory', message: `${config.dataDir} is writable.` };
  } catch (error) {
    return { level: 'fail', topic: 'data directory', message: `${config.dataDir} cannot be written: ${reason(error)}.` };
  }
}

/** Every check, in plain words; never changes anything. */
export async function runDoctor(env: Record<string, string | undefined>, options = { timeoutMs: 5000 }): Promise<Finding[]> {
  let config: Config;
  try {
    config = loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems.map((message) => ({ level: 'fail', topic: 'configuration', message }));
    throw error;
  }
  const found: Finding[] = [{ level: 'ok', topic: 'configuration', message: 'every setting is valid.' }];
  found.push(checkDataDir(config));
  found.push(...(await checkDatabase(config)));
  found.push(...(await checkPublicUrl(config, options.timeoutMs)));
  found.push(await checkSmtp(config, options.timeoutMs));
  if (config.metricsToken === undefined)
    found.push({
      level: 'ok',
      topic: 'metrics',
      message: '/metrics is open to anyone who reaches Aviso; set AVISO_METRICS_TOKEN if that includes the internet.',
    });
  return found;
}
