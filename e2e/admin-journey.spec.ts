import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';
import { expect, test, type Page, type TestInfo } from '@playwright/test';
import { totpCodeAt } from '../src/modules/accounts/two-factor.ts';
import { freePort } from './support.ts';

/**
 * The operator's whole journey in the admin app, on a blank Aviso of its own (one per project), so
 * that the owner is set up through the one-time link Aviso prints when it starts.
 */
let server: ChildProcess | undefined;
let base = '';
let setupLink = '';

/** Starts Aviso and reads the setup link from its log, as an operator would. */
async function startAviso(): Promise<void> {
  const port = await freePort();
  base = `http://127.0.0.1:${port}`;
  server = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      AVISO_DATA_DIR: mkdtempSync(join(tmpdir(), 'aviso-admin-e2e-')),
      AVISO_EXAMPLE: 'none',
      AVISO_LOG_LEVEL: 'info',
      AVISO_PUBLIC_URL: base,
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  setupLink = await new Promise<string>((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => reject(new Error(`no setup link printed:\n${output}`)), 60_000);
    server!.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString('utf8');
      const link = /create the owner at (http\S+?)"/.exec(output)?.[1];
      if (link !== undefined) {
        clearTimeout(timer);
        resolve(link);
      }
    });
    server!.once('exit', (code) => reject(new Error(`Aviso exited with ${code}:\n${output}`)));
  });
  server.stdout!.resume();
  for (let i = 0; i < 100; i++) {
    const ready = await fetch(`${base}/readyz`).then(
      (r) => r.ok,
      () => false,
    );
    if (ready) return;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error('Aviso did not become ready');
}

test.beforeAll(async () => {
  test.setTimeout(90_000);
  await startAviso();
});

test.afterAll(() => {
  if (server?.pid !== undefined) server.kill('SIGTERM');
});

/** Zero axe-core violations (WCAG 2.0/2.1 A and AA) on the screen shown, and a screenshot of it. */
async function checkScreen(page: Page, testInfo: TestInfo, name: string): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  const violations = results.violations.map(
    (v) =>
      `${v.id} (${v.impact ?? ''}): ${v.help}\n    ${v.nodes
        .map((n) => n.target.join(' '))
        .slice(0, 5)
        .join('\n    ')}`,
  );
  await page.screenshot({ path: `screenshots/admin-${testInfo.project.name}-${name}.png`, fullPage: true });
  expect(violations, `axe on ${name}`).toEqual([]);
  const sideways = await page.evaluate(() => document.documentElement.scrollWidth > document.documentElement.clientWidth);
  expect(sideways, `${name} fits the window without scrolling sideways`).toBe(false);
}

/** On a phone the bar's links are under "Menu": open it when it is there and closed. */
async function openMenu(page: Page): Promise<void> {
  const menu = page.locator('details.menu');
  if ((await menu.isVisible()) && (await menu.getAttribute('open')) === null) await menu.locator('summary').click();
}

/** Goes to an admin screen through the bar, as the operator would on this width. */
async function goTo(page: Page, screen: string): Promise<void> {
  await openMenu(page);
  await page.getByRole('navigation', { name: 'Admin' }).getByRole('link', { name: screen, exact: true }).click();
}

/** A component's row on the public page. */
function componentRow(page: Page, name: string) {
  return page.getByRole('region', { name: 'Components' }).getByRole('listitem').filter({ hasText: name });
}

test('an owner sets up Aviso, posts an incident, follows it to a published postmortem, and finds it in the history', async ({
  page,
}, testInfo) => {
  test.setTimeout(180_000);

  await test.step('set up the owner through the setup link', async () => {
    await page.goto(setupLink);
    await expect(page.getByRole('heading', { name: 'Set up Aviso' })).toBeVisible();
    await checkScreen(page, testInfo, 'setup');
    await page.getByLabel('Your name').fill('Olga Owner');
    await page.getByLabel('Email').fill('olga@example.com');
    await page.getByLabel('Password').fill('a long enough password');
    await page.getByRole('button', { name: 'Create owner account' }).click();
    await expect(page.getByRole('heading', { name: 'Dashboard' })).toBeVisible();
    await openMenu(page);
    await expect(page.getByRole('link', { name: 'Olga Owner (owner)' })).toBeVisible();
    await checkScreen(page, testInfo, 'dashboard-empty');
  });

  await test.step('add a component', async () => {
    await goTo(page, 'Components');
    await page.getByRole('link', { name: 'Add a component' }).click();
    await page.getByRole('button', { name: 'Add component' }).click();
    await expect(page.getByRole('alert')).toContainText('required');
    await checkScreen(page, testInfo, 'component-form-errors');
    await page.getByLabel('Name', { exact: true }).fill('Checkout API');
    await page.getByRole('button', { name: 'Add component' }).click();
    await expect(page.getByRole('status')).toContainText('The component is added.');
    await expect(page.getByRole('heading', { name: /Checkout API/ })).toBeVisible();
    await checkScreen(page, testInfo, 'components');
  });

  await test.step('post an incident from the dashboard that puts it in partial outage', async () => {
    await goTo(page, 'Dashboard');
    await page.getByLabel('Incident name').fill('Checkout errors');
    await page.getByLabel('Status', { exact: true }).selectOption('identified');
    await page.getByLabel('Message', { exact: true }).fill('Card payments fail for some customers; a fix is rolling out.');
    await page
      .getByRole('group', { name: 'Affected components' })
      .getByRole('checkbox', { name: /Checkout API/ })
      .check();
    await page.getByLabel('New status of the ticked components').selectOption('partial_outage');
    await checkScreen(page, testInfo, 'dashboard-form-filled');
    await page.getByRole('main').getByRole('button', { name: 'Post incident' }).click();
    await expect(page.getByRole('heading', { name: 'Checkout errors', level: 1 })).toBeVisible();
    await expect(page.getByRole('status')).toContainText('The incident is posted');
    await checkScreen(page, testInfo, 'incident-open');
  });

  await test.step('see it on the public page: the incident and the component in partial outage', async () => {
    await page.goto(`${base}/?locale=en`);
    const ongoing = page.getByRole('region', { name: 'Ongoing incidents' });
    await expect(ongoing.getByRole('link', { name: 'Checkout errors' })).toBeVisible();
    await expect(ongoing).toContainText('Card payments fail for some customers');
    await expect(componentRow(page, 'Checkout API')).toContainText('Partial outage');
  });

  await test.step('the dashboard shows what is broken now, and the on-call shortcuts never fire while typing', async () => {
    await page.goto(`${base}/admin`);
    const broken = page.getByRole('region', { name: 'What is broken now' });
    await expect(broken.getByRole('listitem').filter({ hasText: 'Checkout API' })).toContainText('Partial outage');
    await expect(broken.getByRole('link', { name: 'Checkout errors', exact: true })).toBeVisible();
    await expect(broken).not.toContainText('All systems operational');

    await page.keyboard.press('?');
    const help = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
    await expect(help).toBeVisible();
    await expect(help).toContainText('Post an incident');
    await checkScreen(page, testInfo, 'shortcuts-help');
    await page.keyboard.press('Escape');
    await expect(help).toBeHidden();

    const name = page.getByLabel('Incident name');
    await name.click();
    await page.keyboard.type('nu/?');
    await expect(name).toHaveValue('nu/?');
    await expect(help).toBeHidden();
    expect(new URL(page.url()).pathname).toBe('/admin');
    await name.fill('');

    await page.getByRole('heading', { name: 'Dashboard' }).click();
    await page.keyboard.press('u');
    await expect(page.getByRole('heading', { name: 'Checkout errors', level: 1 })).toBeVisible();
    await expect(page.getByLabel('Message', { exact: true })).toBeFocused();
    await page.keyboard.type('n');
    await expect(page.getByLabel('Message', { exact: true })).toHaveValue('n');
    await page.getByLabel('Message', { exact: true }).fill('');

    await page.getByRole('heading', { name: 'Checkout errors', level: 1 }).click();
    await page.keyboard.press('n');
    await expect(page.getByRole('heading', { name: 'Post an incident', level: 1 })).toBeVisible();

    await page.goto(`${base}/admin/subscribers`);
    await page.keyboard.press('/');
    await expect(page.getByLabel('Search addresses')).toBeFocused();
  });

  await test.step('post an update', async () => {
    await page.goto(`${base}/admin/incidents`);
    await checkScreen(page, testInfo, 'incidents');
    await page.getByRole('link', { name: 'Checkout errors' }).first().click();
    await page.getByLabel('Status', { exact: true }).selectOption('monitoring');
    await page.getByLabel('Message', { exact: true }).fill('The fix is out; we are watching payments recover.');
    const preview = page.getByRole('region', { name: 'Preview, as visitors will see it' });
    await page.getByLabel('Message', { exact: true }).fill('The fix is **out**; we are watching payments recover.');
    await expect(preview.locator('strong')).toHaveText('out');
    await page.getByLabel('Message', { exact: true }).fill('The fix is out; we are watching payments recover.');
    await expect(preview).toContainText('The fix is out; we are watching');
    await page.getByRole('button', { name: 'Post update' }).click();
    await expect(page.getByRole('status')).toContainText('The update is posted.');
    await expect(page.getByText('The fix is out; we are watching payments recover.')).toBeVisible();
  });

  await test.step('resolve it, setting the component back to operational', async () => {
    await page.getByLabel('Resolution message').fill('Payments work normally again.');
    await page.getByRole('button', { name: 'Resolve incident' }).click();
    await expect(page.getByRole('status')).toContainText('The incident is resolved.');
    await checkScreen(page, testInfo, 'incident-resolved');
  });

  await test.step('write and publish the postmortem', async () => {
    await page.getByLabel('Postmortem (Markdown)').fill('## Root cause\n\nAn expired certificate on the card processor link.');
    await page.getByRole('button', { name: 'Save draft' }).click();
    await expect(page.getByRole('status')).toContainText('draft is saved');
    await page.getByRole('button', { name: 'Publish postmortem' }).click();
    await expect(page.getByRole('status')).toContainText('The postmortem is published.');
    await checkScreen(page, testInfo, 'incident-postmortem');
  });

  await test.step('find it all in the history', async () => {
    await page.goto(`${base}/history?locale=en`);
    await page.getByRole('link', { name: 'Checkout errors' }).first().click();
    await expect(page.getByText('An expired certificate on the card processor link.')).toBeVisible();
    await expect(page.getByText('Payments work normally again.')).toBeVisible();
    await expect(page.getByText('The fix is out; we are watching payments recover.')).toBeVisible();
    await expect(page.getByText('Card payments fail for some customers; a fix is rolling out.')).toBeVisible();
    await page.goto(`${base}/?locale=en`);
    await expect(page.getByRole('region', { name: 'Ongoing incidents' })).toHaveCount(0);
    await expect(componentRow(page, 'Checkout API')).toContainText('Operational');
  });

  await test.step('pick a header colour: the preview follows it, and one white text cannot be read on is refused', async () => {
    await page.goto(`${base}/admin/settings`);
    const header = page.getByRole('group', { name: 'Preview of the colours' }).locator('.sample-header');
    await page.getByLabel('Header background').fill('#2fcc66');
    await expect(header).toHaveCSS('background-color', 'rgb(47, 204, 102)');
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await expect(page.getByText('contrast 2.1:1 with white text; needs 4.5:1').first()).toBeVisible();
    await checkScreen(page, testInfo, 'settings-colour-refused');
    await page.getByLabel('Header background').fill('#1a5fb4');
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await expect(page.getByRole('status')).toBeVisible();
    await expect(page.getByLabel('Header background')).toHaveValue('#1a5fb4');
  });

  await test.step('every other admin screen passes the same checks', async () => {
    for (const [path, name] of [
      ['/admin/incidents/new', 'incident-new'],
      ['/admin/incidents/backfill', 'incident-backfill'],
      ['/admin/maintenances/new', 'maintenance-new'],
      ['/admin/maintenances', 'maintenances'],
      ['/admin/groups/new', 'group-new'],
      ['/admin/templates', 'templates'],
      ['/admin/templates/new', 'template-new'],
      ['/admin/settings', 'settings'],
      ['/admin/team', 'team'],
      ['/admin/api-keys', 'api-keys'],
      ['/admin/audit', 'audit'],
      ['/admin/jobs', 'jobs'],
    ] as const) {
      await page.goto(`${base}${path}`);
      await checkScreen(page, testInfo, name);
    }
    await page.goto(`${base}/admin/api-keys`);
    await page.getByLabel('Name', { exact: true }).fill('Deploy bot');
    await page.getByRole('button', { name: 'Create key' }).click();
    await expect(page.getByRole('status').getByText(/^avk_[A-Za-z0-9_-]{40,}$/)).toBeVisible();
    await checkScreen(page, testInfo, 'api-key-created');
  });

  await test.step('schedule a maintenance and open the remaining detail screens', async () => {
    await page.goto(`${base}/admin/maintenances/new`);
    await page.getByLabel('Name', { exact: true }).fill('Database upgrade');
    await page.getByLabel('Starts', { exact: true }).fill('2030-01-10T02:00');
    await page.getByLabel('Ends', { exact: true }).fill('2030-01-10T03:00');
    await page.getByRole('group', { name: 'Components under maintenance' }).getByLabel('Checkout API').check();
    await page.getByRole('button', { name: 'Schedule maintenance' }).click();
    await expect(page.getByRole('status')).toContainText('The maintenance is scheduled.');
    await expect(page.getByText('Components: Checkout API')).toBeVisible();
    await checkScreen(page, testInfo, 'maintenance');
    await page.getByRole('link', { name: 'Edit the window and automation' }).click();
    await expect(page.getByLabel('Starts', { exact: true })).toHaveValue('2030-01-10T02:00');
    await checkScreen(page, testInfo, 'maintenance-edit');

    await page.goto(`${base}/admin/incidents`);
    await page.getByRole('link', { name: 'Checkout errors' }).first().click();
    await page
      .getByRole('link', { name: /^Edit the update of/ })
      .first()
      .click();
    await expect(page.getByRole('heading', { name: 'Correct an update' })).toBeVisible();
    await checkScreen(page, testInfo, 'update-edit');

    await page.goto(`${base}/admin/components`);
    await page.getByRole('link', { name: 'Edit Checkout API' }).click();
    await checkScreen(page, testInfo, 'component-edit');
    await page.goto(`${base}/admin/components`);
    await page.getByRole('link', { name: 'Delete Checkout API' }).click();
    await checkScreen(page, testInfo, 'component-delete');
  });

  await test.step("turn on two-factor login, and log in again with the password and the app's code", async () => {
    await openMenu(page);
    await page.getByRole('link', { name: 'Olga Owner (owner)' }).click();
    await page.getByRole('button', { name: 'Set up two-factor login' }).click();
    const secret = (await page.locator('#totp-secret').textContent()) ?? '';
    await checkScreen(page, testInfo, 'two-factor-setup');
    await page.getByLabel('Code from the app').fill(totpCodeAt(secret, new Date()));
    await page.getByRole('button', { name: 'Turn on two-factor login' }).click();
    await expect(page.getByRole('heading', { name: 'Two-factor login is on' })).toBeVisible();
    await expect(page.locator('#recovery-codes li')).toHaveCount(10);
    await openMenu(page);
    await page.getByRole('button', { name: 'Log out' }).click();

    await page.getByLabel('Email').fill('olga@example.com');
    await page.getByLabel('Password').fill('a long enough password');
    await page.getByRole('button', { name: 'Log in' }).click();
    await expect(page.getByRole('alert')).toContainText('Enter the code from your authenticator app');
    await page.getByLabel('Password').fill('a long enough password');
    await page.getByLabel('Two-factor code').fill(totpCodeAt(secret, new Date()));
    await page.getByRole('button', { name: 'Log in' }).click();
    await expect(page.getByRole('heading', { name: 'Dashboard' })).toBeVisible();
  });

  await test.step('log out', async () => {
    await openMenu(page);
    await page.getByRole('button', { name: 'Log out' }).click();
    await expect(page.getByRole('heading', { name: 'Log in' })).toBeVisible();
    await checkScreen(page, testInfo, 'login');
  });
});
