import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { cliEnvironment, runAviso } from '../../test/support/cli.ts';
import { assertBuilt } from '../../test/support/server-process.ts';

const example = new URL('../../examples/kinescope.yaml', import.meta.url).pathname;

test('aviso apply, export and a refused file, run as a command on a real data directory', async () => {
  // The command reads the same configuration as the server: a data directory, or DATABASE_URL.
  const { dir, env, close } = await cliEnvironment('aviso-cli-');
  try {
    const dry = await runAviso(env, 'apply', example, '--dry-run');
    assert.equal(dry.code, 0, dry.stderr);
    assert.match(dry.stdout, /^Would change:\n {2}create page "Kinescope"/);

    const applied = await runAviso(env, 'apply', example);
    assert.equal(applied.code, 0, applied.stderr);
    assert.match(applied.stdout, /add incident "API Service outage"/);
    assert.equal((await runAviso(env, 'apply', example)).stdout, 'No changes: the page already matches the file.\n');

    const exported = await runAviso(env, 'export');
    assert.equal(exported.code, 0, exported.stderr);
    assert.match(exported.stdout, /name: API Service outage/);
    const out = join(dir, 'page.yaml');
    assert.equal((await runAviso(env, 'export', '--output', out)).code, 0);
    assert.equal(readFileSync(out, 'utf8'), exported.stdout);

    const broken = join(dir, 'broken.yaml');
    writeFileSync(broken, exported.stdout.replace('status: major_outage', 'status: very_down'));
    const refused = await runAviso(env, 'apply', broken);
    assert.equal(refused.code, 1);
    const line = exported.stdout.split('\n').findIndex((l) => l.includes('status: major_outage')) + 1;
    assert.match(refused.stderr, new RegExp(`line ${line}: components\\[0\\]\\.outages\\[0\\]\\.status: must be one of`));
    assert.doesNotMatch(refused.stderr, /\n\s+at /, 'no stack trace');
    assert.equal((await runAviso(env, 'export')).stdout, exported.stdout, 'the refused file changed nothing');
  } finally {
    await close();
  }
});

test('the installed aviso command runs the compiled build with plain node and tells its version', async () => {
  assertBuilt();
  const bin = new URL('../../bin/aviso.js', import.meta.url).pathname;
  const { version } = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
  const shown = spawnSync(process.execPath, [bin, '--version'], { encoding: 'utf8', env: {} });
  assert.equal(shown.status, 0, shown.stderr);
  assert.equal(shown.stdout, `${version}\n`);
  const help = spawnSync(process.execPath, [bin, '--help'], { encoding: 'utf8', env: {} });
  assert.equal(help.status, 0, help.stderr);
  for (const command of ['apply', 'export', 'migrate', 'api-key', 'backup', 'restore', 'doctor'])
    assert.match(help.stdout, new RegExp(`^  ${command}\\b`, 'm'));
});
