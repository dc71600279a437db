import { expect, test } from '@playwright/test';
import { catalogue, locales, messagesStartingWith, publicPages, saveScreenshot, scrollsSideways } from './support.ts';

for (const locale of locales) {
  test.describe(`the example page in ${locale}`, () => {
    test.use({ locale });
    const words = catalogue(locale);

    test(`every page speaks ${locale}, fits the screen without sideways scrolling, and is saved for review`, async ({
      page,
      request,
    }, testInfo) => {
      for (const { name, path } of await publicPages(request)) {
        await test.step(name, async () => {
          const response = await page.goto(path);
          expect(response?.status(), path).toBe(200);
          await expect(page.locator('html')).toHaveAttribute('lang', locale);
          const nav = page.getByRole('navigation', { name: words('nav.label') });
          await expect(nav.getByRole('link', { name: words('nav.history') })).toBeVisible();
          await expect(nav.getByRole('link', { name: words('nav.uptime') })).toBeVisible();
          await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
          await saveScreenshot(page, `${testInfo.project.name}-${locale}-${name}`);
          expect(await scrollsSideways(page), `${path} is wider than the screen`).toBeNull();
        });
      }
    });

    test(`the home page lists the example's components and the overall status in ${locale}`, async ({ page }) => {
      await page.goto('/');
      for (const name of ['kinescope.io', 'Dashboard', 'Uploading', 'Transcoding', 'API']) {
        await expect(page.getByText(name, { exact: true }).first()).toBeVisible();
      }
      const overall = messagesStartingWith(locale, 'overall.').map((text) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
      await expect(page.getByText(new RegExp(`^(${overall.join('|')})$`)).first()).toBeVisible();
    });
  });
}
