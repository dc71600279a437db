/**
 * Runs Node's test runner over every `*.test.ts` file under src/ and test/ (or the files given),
 * and fails when a test fails, is cancelled (its hook threw, or it did not finish), is skipped or
 * left as a todo, or when no test ran at all.
 * `TEST_DB=postgres` runs the same files against PostgreSQL. Builds dist/ first when it is stale.
 */
import { spawn, spawnSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join, relative } from 'node:path';

function findTests(dir: string): string[] {
  const found: string[] = [];
  for (const entry of readdirSync(dir)) {
    // test/fault stops and starts database servers: `npm run test:fault` runs it on its own.
    if (entry === 'node_modules' || entry.startsWith('.') || join(dir, entry) === join(root, 'test', 'fault')) continue;
    const path = join(dir, entry);
    if (statSync(path).isDirectory()) found.push(...findTests(path));
    else if (entry.endsWith('.test.ts') || entry.endsWith('.test.tsx')) found.push(path);
  }
  return found;
}

const root = process.cwd();
const args = process.argv.slice(2);
const files = (args.length > 0 ? args : ['src', 'test'].flatMap((d) => findTests(join(root, d)))).map((f) => relative(root, f)).sort();
if (files.length === 0) {
  console.error('No test files found.');
  process.exit(1);
}

// Some tests run Aviso as users do (npm start, bin/aviso.js): compile first when a source changed.
if (spawnSync(process.execPath, ['scripts/build.js', '--if-stale'], { stdio: 'inherit' }).status !== 0) process.exit(1);

// Node runs one file at a time on a 2-core machine (cores − 1); most files wait on databases, servers
// and timers rather than the CPU, so a few at once finish sooner. TEST_CONCURRENCY overrides it.
const concurrency = Number(process.env['TEST_CONCURRENCY'] ?? Math.max(2, availableParallelism()));
const child = spawn(
  process.execPath,
  [
    '--import',
    'tsx',
    '--import',
    './test/support/test-setup.ts',
    '--test',
    `--test-concurrency=${concurrency}`,
    // A test that hangs fails after 10 minutes, and a file whose tests are done exits even if something
    // it started (a server, a timer) is still open: neither can hold the run until CI gives up on it.
    '--test-timeout=600000',
    '--test-force-exit',
    '--test-reporter=spec',
    ...files,
  ],
  {
    stdio: ['ignore', 'pipe', 'inherit'],
    // Servers and commands the tests start hash passwords at the cost test-setup.ts gives the tests themselves.
    env: { ...process.env, AVISO_PASSWORD_COST: process.env['AVISO_PASSWORD_COST'] ?? '14' },
  },
);
let output = '';
child.stdout.on('data', (chunk: Buffer) => {
  process.stdout.write(chunk);
  output += chunk.toString('utf8');
  if (output.length > 200_000) output = output.slice(-100_000);
});
child.on('close', (code) => {
  const count = (name: string) => Number(new RegExp(`ℹ ${name} (\\d+)`).exec(output)?.[1] ?? 0);
  const passed = count('pass');
  const failed = count('fail');
  const cancelled = count('cancelled');
  const unfinished = count('skipped') + count('todo');
  const tests = count('tests');
  console.log(`\n${passed} passed, ${failed} failed, ${cancelled} cancelled, ${unfinished} skipped or todo`);
  if (tests === 0) {
    console.error('No test ran.');
    process.exit(1);
  }
  // A cancelled test never ran its assertions (a before hook threw, or it outlived its suite): it proved nothing.
  if (cancelled > 0) console.error(`${cancelled} test(s) were cancelled and proved nothing: the run fails.`);
  if (unfinished > 0) console.error(`${unfinished} test(s) were skipped or left as todo: the run fails.`);
  process.exit(code === 0 && failed === 0 && cancelled === 0 && unfinished === 0 ? 0 : 1);
});
