#!/usr/bin/env node
// Compiles src/ to dist/ (what `npm start` and `npx aviso` run with plain node) and copies the
// files the compiler does not emit: the public page's stylesheet and script. Runs on `npm install`.
import { spawnSync } from 'node:child_process';
import { cpSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
rmSync(new URL('../dist', import.meta.url), { recursive: true, force: true });
const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
const compiled = spawnSync(process.execPath, [tsc, '-p', 'tsconfig.build.json'], { cwd: root, stdio: 'inherit' });
if (compiled.status !== 0) {
  console.error('aviso: the build failed (tsc -p tsconfig.build.json)');
  process.exit(compiled.status ?? 1);
}
cpSync(new URL('../src/public-page/public', import.meta.url), new URL('../dist/public-page/public', import.meta.url), { recursive: true });
