import type pg from 'pg';
import type { Logger } from '../shared/logger.ts';
import type { OpenDatabase } from './database.ts';
import { revisionChannel, type Revisions } from './revisions.ts';

export interface RevisionListener {
  close(): Promise<void>;
}

export interface RevisionListenerOptions {
  database: OpenDatabase;
  revisions: Revisions;
  log: Logger;
  /** The PostgreSQL address for the LISTEN connection; without it only the poll runs. */
  postgresUrl?: string | undefined;
  /** How often pages.revision is read as a safety net (SQLite has no NOTIFY, so it polls faster). */
  pollMs?: number;
  /** First and longest wait before reconnecting a dropped LISTEN connection. */
  backoffMs?: { first: number; max: number };
}

export const defaultPollMs = { sqlite: 250, postgres: 5000 } as const;

/**
 * Keeps this instance's data revision in step with writes made by other instances: on PostgreSQL a
 * dedicated connection LISTENs on `aviso_revision` and reconnects with jittered backoff capped at half
 * a second when it drops, reading the revision once reconnected; on
 * every database a slow poll of `pages.revision` catches anything a notification missed.
 */
export function startRevisionListener(options: RevisionListenerOptions): RevisionListener {
  const { database, revisions, log } = options;
  // Capped low: once the database is back, every instance must serve the latest data within a second.
  const backoff = options.backoffMs ?? { first: 100, max: 500 };
  let closed = false;
  let client: pg.Client | undefined;
  let retryTimer: NodeJS.Timeout | undefined;
  let wait = backoff.first;
  let outage = false;

  const poll = async () => {
    try {
      await revisions.load(database.db);
    } catch (error) {
      log.debug({ err: error }, 'could not read the data revision');
    }
  };
  const pollTimer = setInterval(() => void poll(), options.pollMs ?? defaultPollMs[database.kind]);
  pollTimer.unref();

  const scheduleReconnect = (dropped: pg.Client) => {
    if (closed || dropped !== client) return;
    client = undefined;
    dropped.removeAllListeners('notification');
    dropped.end().catch(() => {});
    // Said once per outage; the attempts that follow are retried quietly.
    if (!outage) log.warn({ retryInMs: wait }, 'the revision LISTEN connection dropped; reconnecting');
    outage = true;
    // Jittered, so instances that lost the database together do not all knock at the same instant.
    retryTimer = setTimeout(() => void connect(), wait * (0.5 + Math.random() / 2));
    wait = Math.min(wait * 2, backoff.max);
  };

  const connect = async (): Promise<void> => {
    if (closed || options.postgresUrl === undefined) return;
    const { default: driver } = await import('pg');
    if (closed) return;
    const next = new driver.Client({ connectionString: options.postgresUrl, connectionTimeoutMillis: 5000, keepAlive: true });
    client = next;
    next.on('notification', (message) => {
      const revision = Number(message.payload);
      if (message.channel === revisionChannel && Number.isSafeInteger(revision)) revisions.advance(revision);
    });
    next.on('error', () => scheduleReconnect(next));
    next.on('end', () => scheduleReconnect(next));
    try {
      await next.connect();
      await next.query(`LISTEN ${revisionChannel}`);
      if (closed) return void next.end().catch(() => {});
      wait = backoff.first;
      if (outage) log.info('the revision LISTEN connection is back');
      outage = false;
      // Writes made while the connection was down sent notifications nobody heard.
      await poll();
    } catch (error) {
      log.debug({ err: error }, 'could not LISTEN for data revisions');
      scheduleReconnect(next);
    }
  };
  void connect();

  return {
    close: async () => {
      closed = true;
      clearInterval(pollTimer);
      clearTimeout(retryTimer);
      const current = client;
      client = undefined;
      if (current !== undefined) await current.end().catch(() => {});
    },
  };
}
