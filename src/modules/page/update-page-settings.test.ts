import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, test } from 'node:test';
import { createTestContext, type TestContext } from '../../../test/support/test-context.ts';
import { getPage, updatePageSettings } from './index.ts';

let t: TestContext;
beforeEach(async () => {
  t = await createTestContext();
});
afterEach(async () => {
  await t.close();
});

describe('page settings', () => {
  test('a valid change is saved', async () => {
    await updatePageSettings(t.ctx, { name: 'Acme Status', timeZone: 'America/Sao_Paulo', defaultLocale: 'pt-BR' });
    const page = await getPage(t.ctx);
    assert.equal(page.name, 'Acme Status');
    assert.equal(page.timeZone, 'America/Sao_Paulo');
    assert.equal(page.defaultLocale, 'pt-BR');
  });

  test('an unknown time zone is refused, whoever calls, and nothing changes', async () => {
    await assert.rejects(updatePageSettings(t.ctx, { name: 'Renamed', timeZone: 'Mars/Olympus' }), (error: Error) => {
      assert.equal(error.name, 'ZodError');
      assert.match(error.message, /IANA time zone/);
      return true;
    });
    assert.equal((await getPage(t.ctx)).name, 'Test Page');
  });

  test('the default language must be enabled', async () => {
    await assert.rejects(updatePageSettings(t.ctx, { locales: ['en', 'de'], defaultLocale: 'fr' }), { code: 'validation_failed' });
  });
});
