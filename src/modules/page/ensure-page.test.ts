import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, test } from 'node:test';
import { createTestContext, type TestContext } from '../../../test/support/test-context.ts';
import { listAuditEvents } from '../audit/index.ts';
import { ensurePage, getPage } from './index.ts';

let t: TestContext;
beforeEach(async () => {
  t = await createTestContext({ withPage: false });
});
afterEach(async () => {
  await t.close();
});

const defaults = {
  name: 'Acme Status',
  url: 'https://status.acme.test',
  timeZone: 'Europe/Lisbon',
  defaultLocale: 'pt-BR',
  locales: ['pt-BR', 'en'],
} as const;

describe('ensurePage', () => {
  test('creates the page once; later calls return it unchanged', async () => {
    await assert.rejects(getPage(t.ctx), { code: 'page_not_found' });
    const created = await ensurePage(t.ctx, { ...defaults, locales: [...defaults.locales] });
    assert.equal(created.name, 'Acme Status');
    const again = await ensurePage(t.ctx, { ...defaults, name: 'Other', locales: ['en'] });
    assert.equal(again.id, created.id);
    assert.equal(again.name, 'Acme Status');
    assert.equal((await getPage(t.ctx)).timeZone, 'Europe/Lisbon');
    assert.deepEqual(
      (await listAuditEvents(t.ctx, { entityType: 'page' })).map((e) => e.action),
      ['page.create'],
    );
  });
});
