/**
 * Runs Node's test runner over every `*.test.ts` file under src/ and test/ (or the files given),
 * and fails when a test fails or when no test ran at all.
 * `TEST_DB=postgres` runs the same files against PostgreSQL.
 */
import { spawn } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

function findTests(dir: string): string[] {
  const found: string[] = [];
  for (const entry of readdirSync(dir)) {
    if (entry === 'node_modules' || entry.startsWith('.')) continue;
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

const child = spawn(process.execPath, ['--import', 'tsx', '--test', '--test-reporter=spec', ...files], {
  stdio: ['ignore', 'pipe', 'inherit'],
});
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
  const tests = count('tests');
  console.log(`\n${passed} passed, ${failed} failed`);
  if (tests === 0) {
    console.error('No test ran.');
    process.exit(1);
  }
  process.exit(code === 0 && failed === 0 ? 0 : 1);
});
