import { expect, test } from '@playwright/test';
import { catalogue, exampleToday } from './support.ts';

/**
 * On 2026-11-29 (the server's clock pinned with AVISO_NOW, the browser's with page.clock) the
 * example's story, dated 2025, is one click from /history and one from /uptime.
 */
test.use({ locale: 'en' });
const words = catalogue('en');

test('on 2026-11-29 the example incident and its monthly figures are one click from /history and from /uptime', async ({ page }) => {
  await page.clock.setFixedTime(new Date(exampleToday));

  await page.goto('/history');
  await expect(page.getByText(words('history.emptyMonth')).first()).toBeVisible();
  await page.getByRole('link', { name: /API Service outage/ }).click();
  const story = page.locator('section.month', { has: page.getByRole('heading', { name: 'November 2025' }) });
  await expect(story.getByRole('heading', { name: 'API Service outage' })).toBeVisible();

  await page.goto('/uptime');
  await expect(page.locator('table.summary')).not.toContainText('99.98%');
  await page
    .getByRole('navigation', { name: words('history.jumpLabel') })
    .getByRole('link', { name: /API Service outage/ })
    .click();
  const summary = page.locator('table.summary');
  await expect(summary.getByRole('row', { name: /kinescope\.io/ })).toContainText('99.98%');
  await expect(summary.getByRole('row', { name: /^API\b/ })).toContainText('99.78%');
});

test('on 2026-11-29 the example incident is one click from /', async ({ page }) => {
  await page.clock.setFixedTime(new Date(exampleToday));
  await page.goto('/');
  const past = page.locator('section.past');
  await expect(past).toContainText(words('home.noIncidentsToday'));
  await expect(past.locator('.latest-incident')).toContainText(words('history.latestIncident'));
  await past.getByRole('link', { name: /API Service outage, Nov 18, 2025/ }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'API Service outage' })).toBeVisible();
});
