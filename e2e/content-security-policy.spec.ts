import { expect, test, type Page } from '@playwright/test';
import { publicPages } from './support.ts';

/** Records every Content-Security-Policy violation the page reports, from before its first script. */
async function watchViolations(page: Page): Promise<() => Promise<string[]>> {
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { cspViolations: string[] }).cspViolations = seen;
    document.addEventListener('securitypolicyviolation', (event) => {
      seen.push(`${event.violatedDirective} ${event.blockedURI}`);
    });
  });
  const console: string[] = [];
  page.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) console.push(message.text());
  });
  return async () => [...(await page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations)), ...console];
}

test('every public page works under its Content-Security-Policy: its script runs, nothing is refused', async ({ page, request }) => {
  const violations = await watchViolations(page);
  for (const { path } of await publicPages(request)) {
    const response = await page.goto(path);
    expect(response?.headers()['content-security-policy']).toContain("script-src 'self'");
    expect(await violations(), path).toEqual([]);
  }
  // The page's own script still runs: the day bars answer the keyboard with a tooltip.
  await page.goto('/');
  await page.locator('.bars-svg').first().focus();
  await page.keyboard.press('End');
  await expect(page.locator('#aviso-tip')).toBeVisible();
  for (const path of ['/subscriptions/new', '/docs/webhooks', '/admin/login', '/no-such-page']) {
    await page.goto(path);
    expect(await violations(), path).toEqual([]);
  }
});

test('a site the operator did not name cannot frame the public page or the admin', async ({ page, baseURL }) => {
  // The API's JSON has no page policy and shows in a frame: the control that framing works here at all.
  await page.setContent(
    `<iframe name="page" src="${baseURL}/"></iframe><iframe name="admin" src="${baseURL}/admin/login"></iframe><iframe name="json" src="${baseURL}/api/v2/status.json"></iframe>`,
  );
  await expect(page.frameLocator('iframe[name="json"]').locator('body')).toContainText('"indicator"');
  for (const name of ['page', 'admin']) {
    // Chromium replaces a refused frame with its own error document.
    await expect.poll(() => page.frame({ name })?.url(), { message: name }).toMatch(/^chrome-error:/);
  }
});
