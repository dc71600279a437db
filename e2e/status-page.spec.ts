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

    test(`no public page scrolls sideways at 360 px in ${locale}: pages, older months, a component, subscribing, errors`, async ({
      page,
      request,
    }, testInfo) => {
      await page.setViewportSize({ width: 360, height: 740 });
      const components = (await (await request.get('/api/v2/components.json')).json()) as { components: Array<{ id: string }> };
      const incident = (await publicPages(request)).find((p) => p.name === 'incident')!.path;
      const component = (await request.get(`/uptime?component=${components.components[0]!.id}`)).ok()
        ? components.components[0]!.id
        : components.components[1]!.id;
      const paths = [
        ...(await publicPages(request)).map((p) => p.path),
        '/history?page=5',
        '/uptime?page=5',
        `/uptime?component=${component}&page=5`,
        '/subscriptions/new',
        `/subscriptions/new?incident=${incident.split('/').pop()}`,
        '/no-such-page',
        '/history?page=999',
      ];
      for (const path of paths) {
        await test.step(path, async () => {
          await page.goto(path);
          await expect(page.locator('header.masthead')).toBeVisible();
          const width = await page.evaluate(() => document.scrollingElement!.scrollWidth);
          expect(width, `${path} is ${width} px wide`).toBeLessThanOrEqual(360);
        });
      }
      await page.goto('/subscriptions/new');
      await saveScreenshot(page, `${testInfo.project.name}-${locale}-subscribe-360`);
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
