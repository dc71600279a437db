import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { loadTestDatabase } from '../../src/config.ts';
import { createTestDatabase } from './test-db.ts';

const run = promisify(execFile);
// The command line's TypeScript sources, as the tests run them (bin/aviso.js runs the compiled copy).
const cli = new URL('../../src/cli/aviso.ts', import.meta.url).pathname;

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the real `aviso` command from its sources; resolves with its output and exit code whatever the code. */
export async function runAviso(env: Record<string, string>, ...args: string[]): Promise<CliResult> {
  try {
    const { stdout, stderr } = await run(process.execPath, ['--import', 'tsx', cli, ...args], {
      env: { ...env, AVISO_LOG_LEVEL: 'silent' },
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as CliResult;
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

/**
 * The configuration a command runs with, as the server reads it: a fresh data directory, and a
 * fresh PostgreSQL database as DATABASE_URL when the suite runs on PostgreSQL.
 */
export async function cliEnvironment(prefix: string): Promise<{ dir: string; env: Record<string, string>; close(): Promise<void> }> {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  const pg = loadTestDatabase().kind === 'postgres' ? await createTestDatabase() : undefined;
  const env: Record<string, string> = { AVISO_DATA_DIR: dir, ...(pg?.target.kind === 'postgres' && { DATABASE_URL: pg.target.url }) };
  return {
    dir,
    env,
    close: async () => {
      await pg?.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
