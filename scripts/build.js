#!/usr/bin/env node
// Compiles src/ to dist/ (what `npm start` and `npx aviso` run with plain node) and copies the
// files the compiler does not emit: the public page's stylesheet and script. Runs on `npm install`.
// `--if-stale` builds only when dist/ is missing or older than a file under src/.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, readdirSync, rmSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));

function newestSource(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestSource(path) : statSync(path).mtimeMs);
  }
  return newest;
}

if (process.argv.includes('--if-stale')) {
  const main = join(root, 'dist/main.js');
  if (existsSync(main) && statSync(main).mtimeMs >= newestSource(join(root, 'src'))) process.exit(0);
  console.log('dist/ is missing or older than src/: building');
}

rmSync(join(root, 'dist'), { recursive: true, force: true });
const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
const compiled = spawnSync(process.execPath, [tsc, '-p', 'tsconfig.build.json'], { cwd: root, stdio: 'inherit' });
if (compiled.status !== 0) {
  console.error('aviso: the build failed (tsc -p tsconfig.build.json)');
  process.exit(compiled.status ?? 1);
}
cpSync(join(root, 'src/public-page/public'), join(root, 'dist/public-page/public'), { recursive: true });
