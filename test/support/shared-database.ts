import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig, loadTestDatabase, type Config } from '../../src/config.ts';
import { createTestDatabase } from './test-db.ts';

export interface SharedDatabase {
  /** The configuration of one instance: its own data directory, the shared database. */
  config(instance: string): Config;
  close(): Promise<void>;
}

/**
 * One database several Aviso instances share: a fresh PostgreSQL database with TEST_DB=postgres,
 * else one SQLite file (instances then share its data directory too).
 */
export async function createSharedDatabase(): Promise<SharedDatabase> {
  const root = mkdtempSync(join(tmpdir(), 'aviso-shared-'));
  const env = { AVISO_EXAMPLE: 'none', AVISO_LOG_LEVEL: 'silent', HOST: '127.0.0.1' };
  if (loadTestDatabase().kind === 'sqlite') {
    return {
      config: () => loadConfig({ ...env, AVISO_DATA_DIR: root }),
      close: async () => rmSync(root, { recursive: true, force: true }),
    };
  }
  const database = await createTestDatabase();
  const url = database.target.kind === 'postgres' ? database.target.url : '';
  return {
    config: (instance) => loadConfig({ ...env, DATABASE_URL: url, AVISO_DATA_DIR: join(root, instance) }),
    close: async () => {
      await database.close();
      rmSync(root, { recursive: true, force: true });
    },
  };
}
