import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { CamelCasePlugin, Kysely, PostgresDialect, SqliteDialect, type LogEvent } from 'kysely';
import { describingFailures, WriteRefusals } from './database-failures.ts';
import type { Database } from './tables.ts';

/** The database, or the transaction a change runs in, as verbs and stores pass it along. */
export type Db = Kysely<Database>;

export type DatabaseTarget = { kind: 'sqlite'; file: string } | { kind: 'postgres'; url: string; max?: number };

export interface OpenDatabase {
  db: Db;
  kind: 'sqlite' | 'postgres';
  /** The SQLite file (undefined on PostgreSQL), for the checks of whether it can be written. */
  file?: string | undefined;
  /** The last write the database refused (disk full, read-only), until a transaction commits again. */
  refusals: WriteRefusals;
  close(): Promise<void>;
  /** Counts for /metrics: statements that failed, and the PostgreSQL pool's connections. */
  stats(): DatabaseStats;
}

export interface DatabaseStats {
  queryErrors: number;
  pool: { total: number; idle: number; waiting: number } | undefined;
}

/** Opens SQLite (a file, WAL, foreign keys on) or PostgreSQL (a pool); both speak camelCase to the stores. */
export function openDatabase(target: DatabaseTarget): OpenDatabase {
  let queryErrors = 0;
  const refusals = new WriteRefusals();
  const log = (event: LogEvent) => {
    if (event.level === 'error') queryErrors++;
  };
  if (target.kind === 'sqlite') {
    // Opened on first use, and again on the next use if that failed, like a PostgreSQL pool.
    const open = async () => {
      if (target.file !== ':memory:') mkdirSync(dirname(target.file), { recursive: true });
      const sqlite = new BetterSqlite3(target.file);
      sqlite.pragma('journal_mode = WAL');
      sqlite.pragma('foreign_keys = ON');
      sqlite.pragma('busy_timeout = 5000');
      // WAL with synchronous=FULL: an accepted write survives a power cut, not only a crash.
      sqlite.pragma('synchronous = FULL');
      return sqlite;
    };
    const db = new Kysely<Database>({
      dialect: describingFailures(new SqliteDialect({ database: open }), refusals),
      plugins: [new CamelCasePlugin()],
      log,
    });
    return {
      db,
      kind: 'sqlite',
      file: target.file === ':memory:' ? undefined : target.file,
      refusals,
      close: () => db.destroy(),
      stats: () => ({ queryErrors, pool: undefined }),
    };
  }
  // The driver is loaded only when PostgreSQL is used, so a SQLite instance does not carry it.
  let opened: { totalCount: number; idleCount: number; waitingCount: number } | undefined;
  const pool = async () => {
    const { default: pg } = await import('pg');
    const created = new pg.Pool({ connectionString: target.url, max: target.max ?? 10, connectionTimeoutMillis: 5000 });
    // A client losing its connection must not crash the process, idle or in use: the pool only
    // listens on idle ones, so each client gets its own listener for life. The query in flight
    // fails (and is answered as database_unavailable), and the pool drops the client.
    created.on('error', () => {});
    created.on('connect', (client) => client.on('error', () => {}));
    opened = created;
    return created;
  };
  const db = new Kysely<Database>({
    dialect: describingFailures(new PostgresDialect({ pool }), refusals),
    plugins: [new CamelCasePlugin()],
    log,
  });
  const stats = (): DatabaseStats => ({
    queryErrors,
    pool: opened && { total: opened.totalCount, idle: opened.idleCount, waiting: opened.waitingCount },
  });
  return { db, kind: 'postgres', refusals, close: () => db.destroy(), stats };
}
