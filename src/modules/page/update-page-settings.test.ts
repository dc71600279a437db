import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, test } from 'node:test';
import { createTestContext, type TestContext } from '../../../test/support/test-context.ts';
import type { AppError } from '../../shared/errors.ts';
import { brandContrastProblem, contrastRatio, getPage, updatePageRow, updatePageSettings } from './index.ts';

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

  test('a brand colour that text cannot be read with is refused with its contrast, and one kept from before blocks nothing', async () => {
    await assert.rejects(updatePageSettings(t.ctx, { settings: { colours: { headerBackground: '#2fcc66' } } }), (error: AppError) => {
      assert.equal(error.code, 'validation_failed');
      assert.deepEqual(error.details, [
        { path: 'settings.colours.headerBackground', message: 'contrast 2.1:1 with white text; needs 4.5:1' },
      ]);
      return true;
    });
    await assert.rejects(updatePageSettings(t.ctx, { settings: { colours: { link: '#7fb2f0' } } }), {
      message: /contrast 2\.2:1 against the white page background; needs 4\.5:1/,
    });
    assert.equal((await getPage(t.ctx)).settings.colours, undefined, 'nothing was saved');

    await updatePageSettings(t.ctx, { settings: { colours: { headerBackground: '#1a5fb4', link: '#1d4ed8', major: '#e74c3c' } } });
    assert.equal((await getPage(t.ctx)).settings.colours?.headerBackground, '#1a5fb4');

    // Stored before the rule (an import): saving other settings keeps it rather than refusing them.
    const page = await getPage(t.ctx);
    await updatePageRow(t.ctx.db, page.id, { settings: { colours: { headerBackground: '#f1c40f' } } }, new Date());
    await updatePageSettings(t.ctx, { name: 'Renamed', settings: { colours: { headerBackground: '#F1C40F' } } });
    assert.equal((await getPage(t.ctx)).name, 'Renamed');
  });

  test('contrast ratios follow WCAG 2', () => {
    assert.equal(contrastRatio('#000000', '#ffffff'), 21);
    assert.equal(contrastRatio('#777777', '#777777'), 1);
    assert.equal(contrastRatio('#767676', '#ffffff').toFixed(2), '4.54');
    assert.equal(brandContrastProblem('headerBackground', '#767676'), undefined);
    assert.equal(brandContrastProblem('headerBackground', '#777777'), 'contrast 4.4:1 with white text; needs 4.5:1');
  });
});
