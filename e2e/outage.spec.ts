import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { catalogue, saveScreenshot, scrollsSideways, freePort } from './support.ts';

/**
 * The public page during an outage, on an Aviso of its own (one per project) so that the open
 * incident it makes through the management API changes no other test's page.
 */
let server: ChildProcess | undefined;
let base = '';
let key = '';
const words = catalogue('en');

async function api(path: string, body: unknown): Promise<{ id: string }> {
  const response = await fetch(`${base}/api/v1${path}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`${path}: ${response.status} ${await response.text()}`);
  return (await response.json()) as { id: string };
}

test.beforeAll(async () => {
  test.setTimeout(90_000);
  const port = await freePort();
  base = `http://127.0.0.1:${port}`;
  const env = {
    ...process.env,
    PORT: String(port),
    HOST: '127.0.0.1',
    AVISO_DATA_DIR: mkdtempSync(join(tmpdir(), 'aviso-outage-e2e-')),
    AVISO_EXAMPLE: 'none',
    AVISO_LOG_LEVEL: 'warn',
    AVISO_PUBLIC_URL: base,
  };
  key = execFileSync(process.execPath, ['bin/aviso.js', 'api-key', 'create', '--name', 'Outage test', '--scope', 'write'], {
    env,
    stdio: ['ignore', 'pipe', 'ignore'],
  })
    .toString()
    .trim()
    .split('\n')
    .pop()!;
  server = spawn(process.execPath, ['dist/main.js'], { env, stdio: 'ignore' });
  for (let i = 0; i < 300; i++) {
    if (
      await fetch(`${base}/readyz`).then(
        (r) => r.ok,
        () => false,
      )
    )
      break;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  const api_ = await api('/components', { name: 'API', description: 'The public REST API and its webhooks.', status: 'major_outage' });
  await api('/components', { name: 'Dashboard', status: 'operational' });
  await api('/incidents', {
    name: 'API unavailable',
    status: 'identified',
    body: 'Requests to the API fail with **502**; a faulty load balancer is being replaced.',
    components: { [api_.id]: 'major_outage' },
    deliverNotifications: false,
  });
});

test.afterAll(() => {
  if (server?.pid !== undefined) server.kill('SIGTERM');
});

async function axeViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  return results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
}

test.use({ locale: 'en' });

test('during a major outage the open incident is a box with a header filled with the impact colour, icon and words, light and dark', async ({
  page,
}, testInfo) => {
  test.setTimeout(120_000);
  // The page's own --major colour in each scheme (src/public-page/public/status.css).
  const major = { light: 'rgb(197, 34, 31)', dark: 'rgb(255, 138, 128)' } as const;
  for (const colorScheme of ['light', 'dark'] as const) {
    await test.step(colorScheme, async () => {
      await page.emulateMedia({ colorScheme });
      await page.goto(`${base}/`);
      await expect(page.getByRole('banner').getByRole('link', { name: words('subscribe.subscribeLink') })).toBeVisible();
      const box = page.locator('article.event', { hasText: 'API unavailable' });
      const head = box.locator('.event-head');
      await expect(head).toBeVisible();
      await expect(head).toContainText(words('impact.critical'));
      await expect(head.locator('svg.icon')).toBeVisible();
      expect(await head.evaluate((el) => getComputedStyle(el).backgroundColor)).toBe(major[colorScheme]);
      await expect(box.locator('.timeline')).toContainText('a faulty load balancer is being replaced');
      await saveScreenshot(page, `${testInfo.project.name}-en-outage-${colorScheme}`);
      expect(await scrollsSideways(page)).toBeNull();
      expect(await axeViolations(page), `/ in ${colorScheme}`).toEqual([]);

      await box.getByRole('link', { name: 'API unavailable' }).click();
      await expect(page.getByRole('link', { name: words('subscribe.subscribeToIncident') })).toBeVisible();
      await saveScreenshot(page, `${testInfo.project.name}-en-outage-incident-${colorScheme}`);
      expect(await scrollsSideways(page)).toBeNull();
      expect(await axeViolations(page), `the incident page in ${colorScheme}`).toEqual([]);
    });
  }
});

test('a component’s description shows on hover and on keyboard focus, and Escape closes it', async ({ page }) => {
  await page.goto(`${base}/`);
  const description = page.getByRole('tooltip').filter({ hasText: 'The public REST API and its webhooks.' });
  await expect(description).toBeHidden();
  const about = page.getByRole('button', { name: 'About API' });
  await expect(about).toHaveAccessibleDescription('The public REST API and its webhooks.');

  await page.locator('.component-name', { hasText: /^API$/ }).hover();
  await expect(description).toBeVisible();
  await page.mouse.move(0, 0);
  await expect(description).toBeHidden();

  await about.focus();
  await expect(description).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(description).toBeHidden();
  await page.keyboard.press('Shift+Tab');
  await page.keyboard.press('Tab');
  await expect(description).toBeVisible();
});
