import { AxeBuilder } from '@axe-core/playwright';
import { expect, test, type Cookie, type Page } from '@playwright/test';
import { startOwnAviso, type OwnAviso } from './own-aviso.ts';

/**
 * The operator's bar and incident form on a page of 300 components (ten groups of thirty), on an
 * Aviso of this spec's own: the bar is one row on a desktop and leaves "Post incident" in a phone's
 * first screen, and an incident affecting 3 of the 300 is posted in fewer than 10 interactions.
 */
const targets = new Map([
  [5, 'Checkout EU'],
  [125, 'Checkout US'],
  [245, 'Checkout Asia'],
]);

function fleetPage(): string {
  const lines = ['version: 1', 'page:', '  name: Fleet', '  url: https://status.example.com', '  time_zone: UTC'];
  lines.push('  default_locale: en', '  locales: [en]', 'components:');
  for (let group = 1; group <= 10; group++) {
    lines.push(`  - name: Region ${String(group).padStart(2, '0')}`, '    components:');
    for (let i = 1; i <= 30; i++) {
      const n = (group - 1) * 30 + i;
      lines.push(`      - name: ${targets.get(n) ?? `Service ${String(n).padStart(3, '0')}`}`);
    }
  }
  return `${lines.join('\n')}\n`;
}

let aviso: OwnAviso | undefined;
let owner: Cookie[] = [];

test.describe.configure({ mode: 'serial' });

test.beforeAll(async ({ browser }) => {
  test.setTimeout(120_000);
  aviso = await startOwnAviso(fleetPage());
  const page = await browser.newPage();
  await page.goto(aviso.setupLink);
  await page.getByLabel('Your name').fill('Olga Owner');
  await page.getByLabel('Email').fill('olga@example.com');
  await page.getByLabel('Password').fill('a long enough password');
  await page.getByRole('button', { name: 'Create owner account' }).click();
  await expect(page.getByRole('heading', { name: 'Dashboard' })).toBeVisible();
  owner = await page.context().cookies();
  await page.close();
});

test.afterAll(() => aviso?.stop());

async function signedIn(page: Page, path: string): Promise<void> {
  await page.context().addCookies(owner);
  await page.goto(`${aviso!.base}${path}`);
}

test('the bar is one row at 1280 px, and a phone shows "Post incident" in its first screen with the rest under Menu', async ({
  page,
}, testInfo) => {
  // Two of these Avisos start at once beside the shared one, on a small machine.
  test.setTimeout(90_000);
  await signedIn(page, '/admin/incidents');
  const banner = page.getByRole('banner');
  const post = banner.getByRole('link', { name: 'Post incident' });
  await expect(post).toBeVisible();
  const viewport = page.viewportSize()!;
  const box = (await post.boundingBox())!;
  expect(box.y + box.height, 'Post incident is above the fold').toBeLessThanOrEqual(viewport.height);

  if (testInfo.project.name === 'desktop') {
    expect(viewport.width).toBe(1280);
    const nav = page.getByRole('navigation', { name: 'Admin' });
    const items = [
      banner.getByRole('link', { name: 'Fleet admin' }),
      nav.getByRole('link', { name: 'Dashboard' }),
      nav.getByRole('link', { name: 'Components' }),
      nav.getByText('More', { exact: true }),
      post,
      banner.getByRole('button', { name: 'Log out' }),
    ];
    const rows = new Set<number>();
    for (const item of items) {
      const b = (await item.boundingBox())!;
      rows.add(Math.round(b.y + b.height / 2));
    }
    const [middle = 0] = [...rows];
    for (const y of rows) expect(Math.abs(y - middle), 'every item of the bar on one row').toBeLessThanOrEqual(4);
    expect((await banner.boundingBox())!.height, 'the bar is one row high').toBeLessThan(64);
    await nav.getByText('More', { exact: true }).click();
    await page.screenshot({ path: 'screenshots/admin-forms-desktop-more.png' });
    await nav.getByRole('link', { name: 'Audit log' }).click();
    await expect(page.getByRole('heading', { name: 'Audit log', level: 1 })).toBeVisible();
  } else {
    expect(viewport.width).toBe(360);
    await expect(page.getByRole('navigation', { name: 'Admin' })).toHaveCount(0);
    expect((await banner.boundingBox())!.height, 'two short rows at most').toBeLessThan(120);
    await banner.getByText('Menu', { exact: true }).click();
    const menu = page.getByRole('navigation', { name: 'Admin' });
    await expect(menu.getByRole('link', { name: 'Audit log' })).toBeVisible();
    await expect(menu.getByRole('button', { name: 'Log out' })).toBeVisible();
    await page.screenshot({ path: 'screenshots/admin-forms-phone-menu.png' });
    const results = await new AxeBuilder({ page }).include('header').withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
    expect(results.violations.map((v) => v.id)).toEqual([]);
    await menu.getByRole('link', { name: 'Audit log' }).click();
    await expect(page.getByRole('heading', { name: 'Audit log', level: 1 })).toBeVisible();
  }
});

test('an incident affecting 3 of 300 components is posted in fewer than 10 interactions and the page shows them', async ({
  page,
}, testInfo) => {
  test.setTimeout(90_000);
  await signedIn(page, '/admin');
  let interactions = 0;
  const act = async (action: Promise<unknown>) => {
    interactions++;
    await action;
  };

  await act(page.getByRole('banner').getByRole('link', { name: 'Post incident' }).click());
  await expect(page.getByRole('heading', { name: 'Post an incident', level: 1 })).toBeVisible();
  const picker = page.getByRole('group', { name: 'Affected components' });
  await expect(picker.getByRole('checkbox')).toHaveCount(300);
  await expect(picker.getByRole('group', { name: 'Region 07' })).toBeVisible();
  await expect(picker.getByText('Operational')).toHaveCount(300);

  await act(page.getByLabel('Incident name').fill('Checkout failing in three regions'));
  await act(picker.getByLabel('Filter components').fill('checkout'));
  await expect(picker.getByRole('checkbox')).toHaveCount(3);
  for (const name of targets.values()) await act(picker.getByRole('checkbox', { name }).check());
  await expect(picker.getByText('3 components ticked')).toBeVisible();
  await page.screenshot({ path: `screenshots/admin-forms-${testInfo.project.name}-picker-filtered.png`, fullPage: true });
  await act(picker.getByLabel('New status of the ticked components').selectOption('major_outage'));
  await act(page.getByRole('main').getByRole('button', { name: 'Post incident' }).click());

  await expect(page.getByRole('heading', { name: 'Checkout failing in three regions', level: 1 })).toBeVisible();
  expect(interactions).toBeLessThan(10);

  await page.goto(`${aviso!.base}/?locale=en`);
  const components = page.getByRole('region', { name: 'Components' });
  // A group's item holds its components' items: the last match is the component's own.
  const row = (name: string) => components.getByRole('listitem').filter({ hasText: name }).last();
  for (const name of targets.values()) await expect(row(name)).toContainText('Major outage');
  await expect(row('Service 006')).toContainText('Operational');
});

test('without JavaScript the picker is the whole grouped list of checkboxes and one status, and posts the same', async ({
  browser,
}, testInfo) => {
  test.setTimeout(90_000);
  const context = await browser.newContext({ javaScriptEnabled: false, viewport: testInfo.project.use.viewport ?? null });
  await context.addCookies(owner);
  const page = await context.newPage();
  await page.goto(`${aviso!.base}/admin/incidents/new`);
  const picker = page.getByRole('group', { name: 'Affected components' });
  await expect(picker.getByLabel('Filter components')).toBeHidden();
  await expect(picker.getByRole('checkbox')).toHaveCount(300);
  await page.getByLabel('Incident name').fill(`Service 010 slow (${testInfo.project.name})`);
  await picker.getByRole('checkbox', { name: /Service 010/ }).check();
  await picker.getByLabel('New status of the ticked components').selectOption('degraded_performance');
  await page.getByRole('main').getByRole('button', { name: 'Post incident' }).click();
  await expect(page.getByRole('status')).toContainText('The incident is posted');
  await expect(page.getByText(/Service 010: Operational → Degraded performance/)).toBeVisible();
  await context.close();
});
