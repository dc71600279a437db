import { expect, test } from '@playwright/test';
import { catalogue, publicPages } from './support.ts';

test.describe('with JavaScript turned off', () => {
  test.use({ javaScriptEnabled: false, locale: 'en' });
  const words = catalogue('en');

  test('every page still shows its content and the links between them work', async ({ page, request }) => {
    for (const { path } of await publicPages(request)) {
      expect((await page.goto(path))?.status(), path).toBe(200);
      await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    }
    await page.goto('/');
    await expect(page.getByText('Transcoding', { exact: true }).first()).toBeVisible();
    await page
      .getByRole('navigation', { name: words('nav.label') })
      .getByRole('link', { name: words('nav.history') })
      .click();
    await expect(page).toHaveURL(/\/history/);
    await page
      .getByRole('navigation', { name: words('nav.label') })
      .getByRole('link', { name: words('nav.uptime') })
      .click();
    await expect(page).toHaveURL(/\/uptime/);
  });
});
