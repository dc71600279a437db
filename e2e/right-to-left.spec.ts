import { AxeBuilder } from '@axe-core/playwright';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { publicPages, saveScreenshot, scrollsSideways } from './support.ts';

/**
 * The example page in Arabic, at phone and desktop widths: marked right to left, mirrored (checked by
 * where things are, not by which CSS applies), and without an axe-core violation. Screenshots go to
 * screenshots/<project>-ar-<page>.png for review.
 */
test.use({ locale: 'ar' });

async function box(locator: Locator) {
  const found = await locator.boundingBox();
  if (found === null) throw new Error(`${locator.toString()} is not shown`);
  return found;
}

async function axeViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  return results.violations.map(
    (v) => `${v.id} (${v.impact ?? ''}): ${v.help}\n    ${v.nodes.map((n) => n.target.join(' ')).join('\n    ')}`,
  );
}

const arabicPages = ['home', 'history', 'uptime', 'incident', 'subscribe'] as const;

for (const colorScheme of ['light', 'dark'] as const) {
  for (const name of arabicPages) {
    test(`the Arabic ${name} page reads right to left and passes axe (${colorScheme})`, async ({ page, request }, testInfo) => {
      // axe-core takes its time on a busy machine.
      test.setTimeout(90_000);
      await page.emulateMedia({ colorScheme });
      const pages = [...(await publicPages(request)), { name: 'subscribe', path: '/subscriptions/new' }];
      const path = pages.find((p) => p.name === name)!.path;
      await page.goto(path);
      await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
      await expect(page.locator('html')).toHaveAttribute('lang', 'ar');
      await saveScreenshot(page, `${testInfo.project.name}-ar-${name}${colorScheme === 'dark' ? '-dark' : ''}`);
      expect(await scrollsSideways(page), `${path} scrolls sideways`).toBeNull();
      expect(await axeViolations(page), `${path} in ${colorScheme}`).toEqual([]);
    });
  }
}

test('the masthead mirrors: the page name at the right edge, the navigation to its left', async ({ page }) => {
  await page.goto('/');
  const width = page.viewportSize()!.width;
  const brand = await box(page.locator('.brand'));
  const content = await box(page.locator('main'));
  // The content column is centred on wide screens: the name ends where the column's text ends, on its right.
  expect(Math.abs(content.x + content.width - (brand.x + brand.width))).toBeLessThanOrEqual(24);
  expect(brand.x).toBeGreaterThan(width / 3);
  const nav = await box(page.getByRole('link', { name: 'الحالة الراهنة' }));
  if (nav.y < brand.y + brand.height) expect(nav.x + nav.width).toBeLessThanOrEqual(brand.x);
  else expect(nav.x + nav.width).toBeGreaterThan(width / 2);
});

test('the overall status and each component read from the right: name at the right, status to its left', async ({ page }) => {
  await page.goto('/');
  const banner = page.locator('.banner');
  await expect(banner).toHaveCSS('direction', 'rtl');
  const bannerBox = await box(banner);
  const words = await banner.evaluate((element) => {
    const range = document.createRange();
    range.selectNodeContents(element);
    const r = range.getBoundingClientRect();
    return { left: r.left, right: r.right };
  });
  // The sentence starts at the banner's right edge (its padding aside) and leaves the space on the left.
  expect(bannerBox.x + bannerBox.width - words.right).toBeLessThan(40);
  // (On a phone the sentence may wrap to the full width: then both sides are the padding.)
  expect(words.left - bannerBox.x).toBeGreaterThanOrEqual(bannerBox.x + bannerBox.width - words.right);

  const row = page.locator('.component:not(.group)').first();
  const name = await box(row.locator('.component-name').first());
  const status = await box(row.locator('.status').first());
  expect(name.x).toBeGreaterThan(status.x);
});

test('the day bars run from the oldest at the right to today at the left, as the legend says', async ({ page }) => {
  await page.goto('/');
  const bars = page.locator('.bars').first();
  const rects = bars.locator('rect');
  const count = await rects.count();
  const today = await box(rects.nth(count - 1));
  const yesterday = await box(rects.nth(count - 2));
  expect(today.x).toBeLessThan(yesterday.x);
  const svg = await box(bars.locator('svg'));
  expect(today.x - svg.x).toBeLessThan(svg.width * 0.02);
  const legend = bars.locator('.bars-legend > span:visible');
  const todayLabel = await box(legend.getByText('اليوم', { exact: true }));
  const oldestLabel = await box(legend.locator('span').first());
  expect(todayLabel.x).toBeLessThan(oldestLabel.x);
});

test("the operator's English stays left to right inside the Arabic page, Aviso's Arabic right to left", async ({ page, request }) => {
  const incident = (await publicPages(request)).find((p) => p.name === 'incident')!;
  await page.goto(incident.path);
  await expect(page.locator('.incident-name')).toHaveCSS('direction', 'ltr');
  await expect(page.locator('.entry-body').first()).toHaveCSS('direction', 'ltr');
  await expect(page.locator('.entry-label').first()).toHaveCSS('direction', 'rtl');
});

test('the Arabic badge reads from the right: the name first, then the status before its figure, each fitting its half', async ({
  page,
  request,
}, testInfo) => {
  const components = (await (await request.get('/api/v2/components.json')).json()) as { components: Array<{ id: string; group: boolean }> };
  const component = components.components.find((c) => !c.group)!;
  await page.goto(`/badge.svg?component=${component.id}&uptime=90d&lang=ar`);
  // An SVG document has no page to scroll: the badge alone, for review.
  await page.locator('svg').screenshot({ path: `screenshots/${testInfo.project.name}-ar-badge.png` });
  const [label, message] = await page.locator('text').all();
  expect((await box(label!)).x).toBeGreaterThan((await box(message!)).x);
  const order = await message!.evaluate((text: SVGTextElement) => {
    const content = text.textContent ?? '';
    const digit = content.search(/\d/);
    return { status: text.getStartPositionOfChar(0).x, figure: text.getStartPositionOfChar(digit).x };
  });
  // Right to left, the status is read before the figure: it stands to the figure's right.
  expect(order.status).toBeGreaterThan(order.figure);
  // Without the width the badge set, each text would take about the room the badge gave it (neither squeezed nor stretched far).
  for (const text of [label!, message!]) {
    const { given, natural } = await text.evaluate((t: SVGTextElement) => {
      const given = Number(t.getAttribute('textLength'));
      t.removeAttribute('textLength');
      return { given, natural: t.getComputedTextLength() };
    });
    expect(natural / given).toBeGreaterThan(0.8);
    expect(natural / given).toBeLessThan(1.15);
  }
});
