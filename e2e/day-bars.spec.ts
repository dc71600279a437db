import { expect, test, type Page } from '@playwright/test';

/** How many day bars of the first component a visitor can see inside the bar's box. */
async function visibleDays(page: Page): Promise<number> {
  return page
    .locator('.bars-svg')
    .first()
    .evaluate((svg) => {
      const box = svg.getBoundingClientRect();
      return [...svg.querySelectorAll('rect')].filter((rect) => {
        const r = rect.getBoundingClientRect();
        return r.width > 0 && r.left >= box.left - 0.5 && r.right <= box.right + 0.5;
      }).length;
    });
}

const expectedDays = (width: number) => (width > 1024 ? 90 : width > 600 ? 60 : 30);

test('the uptime bars show 90, 60 or 30 days by the width of the screen', async ({ page }, testInfo) => {
  await page.goto('/');
  const width = testInfo.project.use.viewport?.width ?? 1280;
  const sizes = width > 600 ? [width, 800, 360] : [width];
  for (const size of sizes) {
    await page.setViewportSize({ width: size, height: 800 });
    expect(await visibleDays(page), `days shown at ${size}px`).toBe(expectedDays(size));
  }
});
