import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { loadTestDatabase } from '../../src/config.ts';
import { openDatabase, type OpenDatabase } from '../../src/storage/database.ts';
import { migrate } from '../../src/storage/migrate.ts';

export interface TestDatabase extends OpenDatabase {
  /** Where the database is, for a second connection (another "instance"). */
  target: { kind: 'sqlite'; file: string } | { kind: 'postgres'; url: string };
}

/**
 * A fresh, migrated database for one test: an in-memory SQLite by default, or a new PostgreSQL
 * database (dropped on close) when TEST_DB=postgres.
 */
export async function createTestDatabase(options: { sqliteFile?: string } = {}): Promise<TestDatabase> {
  const choice = loadTestDatabase();
  if (choice.kind === 'sqlite') {
    const file = options.sqliteFile ?? ':memory:';
    const opened = openDatabase({ kind: 'sqlite', file });
    await migrate(opened.db);
    return { ...opened, target: { kind: 'sqlite', file } };
  }
  const name = `aviso_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: choice.url });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(choice.url);
  url.pathname = `/${name}`;
  const opened = openDatabase({ kind: 'postgres', url: url.toString(), max: 4 });
  await migrate(opened.db);
  return {
    ...opened,
    target: { kind: 'postgres', url: url.toString() },
    close: async () => {
      await opened.close();
      const cleanup = new pg.Client({ connectionString: choice.url });
      await cleanup.connect();
      await cleanup.query(`drop database if exists ${name} with (force)`);
      await cleanup.end();
    },
  };
}
