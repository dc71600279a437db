#!/usr/bin/env node
// Runs the compiled command line (dist/, built by `npm install` or `npm run build`).
import { existsSync } from 'node:fs';

const cli = new URL('../dist/cli/aviso.js', import.meta.url);
if (!existsSync(cli)) {
  console.error('aviso: the compiled files are missing; run `npm run build` (npm install runs it) first.');
  process.exit(1);
}
await import(cli.href);
