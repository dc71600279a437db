import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { loadTestDatabase } from '../config.ts';
import { createTestDatabase } from '../../test/support/test-db.ts';

const run = promisify(execFile);
const bin = new URL('../../bin/aviso.js', import.meta.url).pathname;
const example = new URL('../../examples/kinescope.yaml', import.meta.url).pathname;

/** Runs the real `aviso` command; resolves with its output and exit code whatever the code. */
async function aviso(env: Record<string, string>, ...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, [bin, ...args], { env: { ...env, AVISO_LOG_LEVEL: 'silent' } });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

test('aviso apply, export and a refused file, run as a command on a real data directory', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'aviso-cli-'));
  // The command reads the same configuration as the server: a data directory, or DATABASE_URL.
  const pg = loadTestDatabase().kind === 'postgres' ? await createTestDatabase() : undefined;
  const env: Record<string, string> = { AVISO_DATA_DIR: dir, ...(pg?.target.kind === 'postgres' && { DATABASE_URL: pg.target.url }) };
  try {
    const dry = await aviso(env, 'apply', example, '--dry-run');
    assert.equal(dry.code, 0, dry.stderr);
    assert.match(dry.stdout, /^Would change:\n {2}create page "Kinescope"/);

    const applied = await aviso(env, 'apply', example);
    assert.equal(applied.code, 0, applied.stderr);
    assert.match(applied.stdout, /add incident "API Service outage"/);
    assert.equal((await aviso(env, 'apply', example)).stdout, 'No changes: the page already matches the file.\n');

    const exported = await aviso(env, 'export');
    assert.equal(exported.code, 0, exported.stderr);
    assert.match(exported.stdout, /name: API Service outage/);
    const out = join(dir, 'page.yaml');
    assert.equal((await aviso(env, 'export', '--output', out)).code, 0);
    assert.equal(readFileSync(out, 'utf8'), exported.stdout);

    const broken = join(dir, 'broken.yaml');
    writeFileSync(broken, exported.stdout.replace('status: major_outage', 'status: very_down'));
    const refused = await aviso(env, 'apply', broken);
    assert.equal(refused.code, 1);
    const line = exported.stdout.split('\n').findIndex((l) => l.includes('status: major_outage')) + 1;
    assert.match(refused.stderr, new RegExp(`line ${line}: components\\[0\\]\\.outages\\[0\\]\\.status: must be one of`));
    assert.doesNotMatch(refused.stderr, /\n\s+at /, 'no stack trace');
    assert.equal((await aviso(env, 'export')).stdout, exported.stdout, 'the refused file changed nothing');
  } finally {
    await pg?.close();
    rmSync(dir, { recursive: true, force: true });
  }
});
