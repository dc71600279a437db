import { AxeBuilder } from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { startOwnAviso, type OwnAviso } from './own-aviso.ts';
import { saveScreenshot, scrollsSideways } from './support.ts';

/**
 * A component showing its monitor's response times, with a day of checks (a slow stretch, a
 * failure, hours that could not run) and a month of hourly sums with missing days: the charts are
 * named and described, fit a phone without scrolling sideways, pass axe in light and dark, in
 * English and in Arabic. Screenshots go to screenshots/<project>-chart-<locale>-<scheme>.png.
 */
const pageFile = `version: 1
page:
  name: Chart Page
  url: http://127.0.0.1
  time_zone: Europe/Moscow
  default_locale: en
  locales: [en, ar]
components:
  - name: API
  - name: Website
monitors:
  - name: API health
    kind: http
    component: API
    paused: true
    public_chart: true
    settings: { url: "https://api.example.com/health" }
`;

test.describe.configure({ mode: 'serial' });
let aviso: OwnAviso;
test.beforeAll(async () => {
  test.setTimeout(120_000);
  aviso = await startOwnAviso(pageFile, { seed: 'e2e/seed-response-times.ts' });
});
test.afterAll(() => aviso.stop());

for (const locale of ['en', 'ar'] as const) {
  for (const colorScheme of ['light', 'dark'] as const) {
    test(`the response-time charts read in ${locale}, ${colorScheme}, and pass axe`, async ({ page }, testInfo) => {
      test.setTimeout(90_000);
      await page.emulateMedia({ colorScheme });
      await page.goto(`${aviso.base}/?locale=${locale}`);
      const charts = page.locator('.rt svg[role="img"]');
      await expect(charts).toHaveCount(2);
      const name = await charts.first().getAttribute('aria-label');
      expect(name).toContain('API');
      const described = await charts.first().getAttribute('aria-describedby');
      await expect(page.locator(`#${described}`)).toBeVisible();
      if (locale === 'en') {
        await expect(page.locator(`#${described}`)).toContainText(/Average \d+ ms, slowest \d+ ms\. No data for \d+ hours\./);
        await expect(page.locator('.rt-gap').first()).toBeAttached();
      } else await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
      for (const chart of await charts.all()) expect((await chart.boundingBox())?.height ?? 0).toBeGreaterThan(30);
      await saveScreenshot(page, `${testInfo.project.name}-chart-${locale}-${colorScheme}`);
      expect(await scrollsSideways(page)).toBeNull();
      const results = await new AxeBuilder({ page }).include('.rt').withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
      expect(results.violations.map((v) => `${v.id}: ${v.help} ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
    });
  }
}
