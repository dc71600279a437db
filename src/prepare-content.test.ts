import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ConfigError, loadConfig } from './config.ts';
import { prepareContent } from './prepare-content.ts';
import { listComponents } from './modules/components/index.ts';
import { getPage } from './modules/page/index.ts';
import { createTestContext } from '../test/support/test-context.ts';
import { pino } from 'pino';

test('an empty database gets the Kinescope example by default, and a blank page with AVISO_EXAMPLE=none', async () => {
  const withExample = await createTestContext({ withPage: false });
  const blank = await createTestContext({ withPage: false });
  try {
    await prepareContent(withExample.ctx, loadConfig({ AVISO_LOG_LEVEL: 'silent' }));
    assert.equal((await getPage(withExample.ctx)).name, 'Kinescope');
    assert.equal((await listComponents(withExample.ctx.db)).length, 12);

    await prepareContent(blank.ctx, loadConfig({ AVISO_EXAMPLE: 'none', AVISO_LOG_LEVEL: 'silent' }));
    assert.equal((await getPage(blank.ctx)).name, 'Aviso');
    assert.equal((await listComponents(blank.ctx.db)).length, 0);
  } finally {
    await withExample.close();
    await blank.close();
  }
});

test('a database that already has a page is left as it is', async () => {
  const { ctx, close } = await createTestContext();
  try {
    await prepareContent(ctx, loadConfig({ AVISO_LOG_LEVEL: 'silent' }));
    assert.equal((await getPage(ctx)).name, 'Test Page');
    assert.equal((await listComponents(ctx.db)).length, 0);
  } finally {
    await close();
  }
});

test('an unknown example stops the start with the list of examples there are', () => {
  assert.throws(
    () => loadConfig({ AVISO_EXAMPLE: 'acme' }),
    (error: unknown) =>
      error instanceof ConfigError &&
      /AVISO_EXAMPLE: there is no example page "acme"; the examples are: kinescope \(or "none" for a blank page\)/.test(error.message),
  );
});

test('AVISO_EXAMPLE=none on a database that already has a page says that the page is kept', async () => {
  const { ctx, close } = await createTestContext();
  const lines: string[] = [];
  const log = pino({ level: 'info' }, { write: (line: string) => lines.push(line) });
  try {
    await prepareContent({ ...ctx, log }, loadConfig({ AVISO_EXAMPLE: 'none', AVISO_LOG_LEVEL: 'silent' }));
    assert.equal((await getPage(ctx)).name, 'Test Page');
    assert.ok(
      lines.some(
        (l) => /AVISO_EXAMPLE=none applies to an empty database only: this one already has a page/.test(l) && /"page":"Test Page"/.test(l),
      ),
      lines.join(''),
    );
  } finally {
    await close();
  }
});
