import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { ESLint } from 'eslint';
import tseslint from 'typescript-eslint';
import aviso from '../../lint/aviso-rules.js';

// A small tree with Aviso's layout: each file below breaks (or keeps) one rule.
const tree: Record<string, string> = {
  'src/shared/errors.ts': `export class AppError extends Error {}\n`,
  'src/shared/context.ts': `import type { Db } from '../storage/database.ts';\nexport interface Ctx { db: Db }\n`,
  'src/shared/leak.ts': `import { Thing } from '../modules/things/index.ts';\nexport const leak = Thing;\n`,
  'src/storage/database.ts': `export type Db = { kind: string };\n`,
  'src/storage/tables.ts': `export interface ThingsTable { id: string }\n`,
  'src/storage/write.ts': `export async function write(): Promise<void> {}\n`,
  'src/modules/things/index.ts': `export { Thing } from './thing.ts';\nexport { makeThing } from './make-thing.ts';\n`,
  'src/modules/things/thing.ts': `export const Thing = 'thing';\n`,
  'src/modules/things/thing-store.ts': `import type { ThingsTable } from '../../storage/tables.ts';\nexport type Row = ThingsTable;\n`,
  'src/modules/things/make-thing.ts': `import type { ThingsTable } from '../../storage/tables.ts';\nimport { write } from '../../storage/write.ts';\nexport type Row = ThingsTable;\nexport const makeThing = write;\n`,
  'src/modules/others/index.ts': `export { other } from './other.ts';\n`,
  'src/modules/others/other.ts': `import { Thing } from '../things/thing.ts';\nimport { makeThing } from '../things/index.ts';\nexport const other = [Thing, makeThing];\n`,
  'src/modules/loop/a.ts': `import type { B } from './b.ts';\nexport type A = { b?: B };\n`,
  'src/modules/loop/b.ts': `import type { A } from './a.ts';\nexport type B = { a?: A };\n`,
  'src/outbound/client.ts': `export const request = async () => 'answer';\n`,
  'src/outbound/reach-up.ts': `import { Thing } from '../modules/things/index.ts';\nexport const reach = Thing;\n`,
  'src/modules/things/notify-thing.ts': `import { request } from '../../outbound/client.ts';\nexport const notify = request;\n`,
  'src/api/things-routes.ts': `import { write } from '../storage/write.ts';\nimport { makeThing } from '../modules/things/index.ts';\nexport const routes = [write, makeThing];\n`,
};

let root: string;
let eslint: ESLint;
before(() => {
  root = mkdtempSync(join(tmpdir(), 'aviso-lint-'));
  for (const [path, text] of Object.entries(tree)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  eslint = new ESLint({
    cwd: root,
    overrideConfigFile: true,
    overrideConfig: [
      { files: ['**/*.ts'], languageOptions: { parser: tseslint.parser } },
      { files: ['src/**/*.ts'], plugins: { aviso }, rules: { 'aviso/no-import-cycle': 'error', 'aviso/layering': 'error' } },
    ],
  });
});
after(() => rmSync(root, { recursive: true, force: true }));

async function problems(path: string): Promise<string[]> {
  const [result] = await eslint.lintFiles([join(root, path)]);
  return (result?.messages ?? []).map((m) => `${m.line} ${m.ruleId}: ${m.message}`);
}

describe('Aviso’s layering rules', () => {
  test('a surface importing storage is refused; importing a module’s index is fine', async () => {
    assert.deepEqual(await problems('src/api/things-routes.ts'), [
      '1 aviso/layering: A surface (api/) never imports storage/: it calls one verb of a module, through its index.ts. (src/storage/write.ts)',
    ]);
  });

  test('a module reaching past another module’s index.ts is refused', async () => {
    assert.deepEqual(await problems('src/modules/others/other.ts'), [
      '1 aviso/layering: Modules import each other only through index.ts: import from modules/things/index.ts. (src/modules/things/thing.ts)',
    ]);
  });

  test('shared/ may name the storage types Ctx needs, and nothing of the domain', async () => {
    assert.deepEqual(await problems('src/shared/context.ts'), []);
    assert.deepEqual(await problems('src/shared/leak.ts'), [
      '1 aviso/layering: shared/ imports nothing of the domain or the layers above it (only the types of storage/ that Ctx names). (src/modules/things/index.ts)',
    ]);
  });

  test('only stores import the table types', async () => {
    assert.deepEqual(await problems('src/modules/things/thing-store.ts'), []);
    assert.deepEqual(await problems('src/modules/things/make-thing.ts'), [
      '1 aviso/layering: Only *-store.ts files and storage/ use the table types: take a Db (storage/database.ts) and call a store. (src/storage/tables.ts)',
    ]);
  });

  test('outbound/ sits below the modules: they use it, it knows nothing of them', async () => {
    assert.deepEqual(await problems('src/modules/things/notify-thing.ts'), []);
    assert.deepEqual(await problems('src/outbound/reach-up.ts'), [
      '1 aviso/layering: outbound/ sits below the modules: it may import only shared/, outbound/. (src/modules/things/index.ts)',
    ]);
  });

  test('an import cycle is refused on both sides, type-only imports included, with its path', async () => {
    assert.deepEqual(await problems('src/modules/loop/a.ts'), [
      '1 aviso/no-import-cycle: This import closes an import cycle: src/modules/loop/a.ts → src/modules/loop/b.ts → src/modules/loop/a.ts. Move what both sides need below them.',
    ]);
    assert.equal((await problems('src/modules/loop/b.ts')).length, 1);
  });
});
