import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { test } from 'node:test';
import { promisify } from 'node:util';

const run = promisify(execFile);
const root = new URL('../../', import.meta.url).pathname;

/** Runs `npm test`'s script over the given files; resolves with its exit code and output. */
async function runTests(...files: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    // A clean environment: the runner under test must not think it is nested in this one.
    const { stdout, stderr } = await run(process.execPath, ['--import', 'tsx', 'scripts/test.ts', ...files], { cwd: root, env: {} });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

test('a run whose tests all pass succeeds and says so', async () => {
  const result = await runTests('test/fixtures/runner/passing-suite.ts');
  assert.equal(result.code, 0, result.stderr);
  assert.match(result.stdout, /^1 passed, 0 failed, 0 cancelled, 0 skipped or todo$/m);
});

test('a test cancelled by a failing hook fails the run and is counted in the summary', async () => {
  const result = await runTests('test/fixtures/runner/cancelled-suite.ts');
  assert.equal(result.code, 1);
  assert.match(result.stdout, /^1 passed, 0 failed, 1 cancelled, 0 skipped or todo$/m);
  assert.match(result.stderr, /1 test\(s\) were cancelled and proved nothing: the run fails\./);
});
