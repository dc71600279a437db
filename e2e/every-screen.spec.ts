import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { createHmac } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';
import Database from 'better-sqlite3';
import { expect, test, type Browser, type BrowserContext, type Page, type TestInfo } from '@playwright/test';
import { exampleToday, scrollsSideways, freePort } from './support.ts';

/**
 * Every screen a visitor or a member can open, at the project's width (360 or 1280 px), in the light
 * and the dark scheme: a full-page screenshot of each in screenshots/ for review, and zero axe-core
 * violations. One Aviso per project with the example page, an owner, and one of each thing the admin
 * lists (template, monitor, alert receiver, maintenance, subscriber); the last test opens an incident
 * with a major outage and checks the page in that state.
 */
test.describe.configure({ mode: 'serial' });

let server: ChildProcess | undefined;
let base = '';
let key = '';
let dataDir = '';
const owner = { email: 'olga@example.com', password: 'a long enough password' };
const ids = {
  incident: '',
  maintenance: '',
  component: '',
  template: '',
  monitor: '',
  receiver: '',
  subscriber: '',
  confirmToken: '',
  manageToken: '',
};

async function api<T = { id: string }>(method: 'GET' | 'POST', path: string, body?: unknown): Promise<T> {
  const response = await fetch(`${base}/api/v1${path}`, {
    method,
    headers: { authorization: `Bearer ${key}`, ...(body !== undefined && { 'content-type': 'application/json' }) },
    ...(body !== undefined && { body: JSON.stringify(body) }),
  });
  if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${await response.text()}`);
  return (await response.json()) as T;
}

test.beforeAll(async () => {
  test.setTimeout(120_000);
  const port = await freePort();
  base = `http://127.0.0.1:${port}`;
  dataDir = mkdtempSync(join(tmpdir(), 'aviso-screens-e2e-'));
  const env = {
    ...process.env,
    PORT: String(port),
    HOST: '127.0.0.1',
    AVISO_DATA_DIR: dataDir,
    AVISO_EXAMPLE: 'kinescope',
    AVISO_LOG_LEVEL: 'error',
    AVISO_PUBLIC_URL: base,
    AVISO_NOW: exampleToday,
    AVISO_ADMIN_EMAIL: owner.email,
    AVISO_ADMIN_PASSWORD: owner.password,
    // Email subscriptions open (and their screens shown); the confirmation mails fail in the background.
    AVISO_SMTP_URL: `smtp://127.0.0.1:${await freePort()}`,
  };
  server = spawn(process.execPath, ['dist/main.js'], { env, stdio: 'ignore' });
  for (let i = 0; i < 300; i++) {
    const ready = await fetch(`${base}/readyz`).then(
      (r) => r.ok,
      () => false,
    );
    if (ready) break;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  key = execFileSync(process.execPath, ['bin/aviso.js', 'api-key', 'create', '--name', 'Screens', '--scope', 'write'], {
    env,
    stdio: ['ignore', 'pipe', 'ignore'],
  })
    .toString()
    .trim()
    .split('\n')
    .pop()!;

  const { components } = await api<{ components: Array<{ id: string; isGroup: boolean }> }>('GET', '/components');
  ids.component = components.find((c) => !c.isGroup)!.id;
  ids.incident = (await api<{ incidents: Array<{ id: string }> }>('GET', '/incidents')).incidents[0]!.id;
  ids.maintenance = (
    await api('POST', '/maintenances', {
      name: 'Storage upgrade',
      body: 'Uploads **pause** for about an hour while the storage cluster is upgraded.',
      scheduledFor: '2026-12-03T01:00:00Z',
      scheduledUntil: '2026-12-03T03:00:00Z',
      componentIds: [ids.component],
      deliverNotifications: false,
    })
  ).id;
  ids.template = (
    await api('POST', '/templates', { name: 'Slow API', title: 'API latency', body: 'Requests are slow.', updateStatus: 'identified' })
  ).id;
  ids.monitor = (
    await api('POST', '/monitors', {
      name: 'Encoder heartbeat',
      kind: 'heartbeat',
      componentId: ids.component,
      intervalSeconds: 300,
      settings: {},
    })
  ).id;
  const receiver = await api<{ id: string; url: string }>('POST', '/alert-receivers', {
    name: 'Prometheus',
    rules: [{ matchers: ['service="api"'], componentId: ids.component }],
  });
  ids.receiver = receiver.id;
  // A resolved alert: listed among the receipts, and no component moves.
  const alert = await fetch(receiver.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ fingerprint: 'disk-full', state: 'resolved', summary: 'Disk full on the encoder nodes' }),
  });
  if (!alert.ok) throw new Error(`alert: ${alert.status} ${await alert.text()}`);

  const subscribed = await fetch(`${base}/subscriptions`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ channel: 'email', address: 'visitor@example.com', locale: 'en' }).toString(),
  });
  if (!subscribed.ok) throw new Error(`subscribe: ${subscribed.status} ${await subscribed.text()}`);
  // The links a subscriber gets by email, signed with the key stored for them.
  const db = new Database(join(dataDir, 'aviso.sqlite'), { readonly: true, fileMustExist: true });
  const row = db.prepare('select id, token_key from subscribers limit 1').get() as { id: string; token_key: string };
  db.close();
  const token = (purpose: string) =>
    `${row.id}.${createHmac('sha256', row.token_key).update(`${purpose}:${row.id}`).digest('base64url').slice(0, 32)}`;
  ids.subscriber = row.id;
  ids.confirmToken = token('confirm');
  ids.manageToken = token('manage');
});

test.afterAll(() => {
  if (server?.pid !== undefined) server.kill('SIGTERM');
});

/** One screen: where it is served (the route as declared), and how to reach it. */
interface Screen {
  name: string;
  route: string;
  open: (page: Page) => Promise<unknown>;
}

const publicLocales = ['en', 'ar'] as const;

function publicScreens(locale: string): Screen[] {
  const go = (path: string) => (page: Page) => page.goto(`${base}${path}${path.includes('?') ? '&' : '?'}locale=${locale}`);
  return [
    { name: 'home', route: '/', open: go('/') },
    { name: 'history', route: '/history', open: go('/history') },
    { name: 'uptime', route: '/uptime', open: go('/uptime') },
    { name: 'incident', route: '/incidents/:id', open: go(`/incidents/${ids.incident}`) },
    { name: 'maintenance', route: '/incidents/:id', open: go(`/incidents/${ids.maintenance}`) },
    { name: 'subscribe', route: '/subscriptions/new', open: go('/subscriptions/new') },
    { name: 'subscribe-incident', route: '/subscriptions/new', open: go(`/subscriptions/new?incident=${ids.incident}`) },
    { name: 'confirm-subscription', route: '/subscriptions/confirm/:token', open: go(`/subscriptions/confirm/${ids.confirmToken}`) },
    { name: 'manage-subscription', route: '/subscriptions/manage/:token', open: go(`/subscriptions/manage/${ids.manageToken}`) },
    { name: 'unsubscribe', route: '/subscriptions/unsubscribe/:token', open: go(`/subscriptions/unsubscribe/${ids.manageToken}`) },
    { name: 'not-found', route: '(error)', open: go('/incidents/zzzzzzzzzzzz') },
  ];
}

/** Opens the first link whose name matches: screens reached through an id only the page shows. */
function follow(path: string, name: RegExp) {
  return async (page: Page) => {
    await page.goto(`${base}${path}`);
    const href = await page.getByRole('link', { name }).first().getAttribute('href');
    return page.goto(`${base}${href ?? ''}`);
  };
}

/** Screens of a member who is logged in, as an owner sees them. */
function adminScreens(): Screen[] {
  const go = (path: string) => (page: Page) => page.goto(`${base}/admin${path}`);
  const incident = `/admin/incidents/${ids.incident}`;
  const maintenance = `/admin/maintenances/${ids.maintenance}`;
  return [
    { name: 'dashboard', route: '/', open: go('/') },
    { name: 'incidents', route: '/incidents', open: go('/incidents') },
    { name: 'incident-new', route: '/incidents/new', open: go('/incidents/new') },
    { name: 'incident-new-from-template', route: '/incidents/new', open: go(`/incidents/new?template=${ids.template}`) },
    { name: 'incident-backfill', route: '/incidents/backfill', open: go('/incidents/backfill') },
    { name: 'incident', route: '/incidents/:id', open: go(`/incidents/${ids.incident}`) },
    { name: 'incident-update-edit', route: '/incidents/:id/updates/:updateId/edit', open: follow(incident, /^Edit the update of/) },
    { name: 'incident-delete', route: '/incidents/:id/delete', open: go(`/incidents/${ids.incident}/delete`) },
    { name: 'maintenances', route: '/maintenances', open: go('/maintenances') },
    { name: 'maintenance-new', route: '/maintenances/new', open: go('/maintenances/new') },
    { name: 'maintenance', route: '/maintenances/:id', open: go(`/maintenances/${ids.maintenance}`) },
    { name: 'maintenance-edit', route: '/maintenances/:id/edit', open: go(`/maintenances/${ids.maintenance}/edit`) },
    {
      name: 'maintenance-update-edit',
      route: '/maintenances/:id/updates/:updateId/edit',
      open: follow(maintenance, /^Edit the update of/),
    },
    { name: 'maintenance-delete', route: '/maintenances/:id/delete', open: go(`/maintenances/${ids.maintenance}/delete`) },
    { name: 'components', route: '/components', open: go('/components') },
    { name: 'component-new', route: '/components/new', open: go('/components/new') },
    { name: 'component-edit', route: '/components/:id/edit', open: go(`/components/${ids.component}/edit`) },
    { name: 'component-delete', route: '/components/:id/delete', open: go(`/components/${ids.component}/delete`) },
    { name: 'group-new', route: '/groups/new', open: go('/groups/new') },
    { name: 'templates', route: '/templates', open: go('/templates') },
    { name: 'template-new', route: '/templates/new', open: go('/templates/new') },
    { name: 'template-edit', route: '/templates/:id/edit', open: go(`/templates/${ids.template}/edit`) },
    { name: 'template-delete', route: '/templates/:id/delete', open: go(`/templates/${ids.template}/delete`) },
    { name: 'monitors', route: '/monitors', open: go('/monitors') },
    { name: 'monitor', route: '/monitors/:id', open: go(`/monitors/${ids.monitor}`) },
    { name: 'alert-receivers', route: '/alert-receivers', open: go('/alert-receivers') },
    { name: 'alert-receiver', route: '/alert-receivers/:id', open: go(`/alert-receivers/${ids.receiver}`) },
    { name: 'subscribers', route: '/subscribers', open: go('/subscribers') },
    { name: 'subscriber', route: '/subscribers/:id', open: go(`/subscribers/${ids.subscriber}`) },
    { name: 'team', route: '/team', open: go('/team') },
    { name: 'api-keys', route: '/api-keys', open: go('/api-keys') },
    { name: 'audit', route: '/audit', open: go('/audit') },
    { name: 'jobs', route: '/jobs', open: go('/jobs') },
    { name: 'settings', route: '/settings', open: go('/settings') },
    { name: 'account', route: '/account', open: go('/account') },
    {
      name: 'account-two-factor-setup',
      route: '/account',
      open: async (page) => {
        await page.goto(`${base}/admin/account`);
        await page.getByRole('button', { name: 'Set up two-factor login' }).click();
        await expect(page.locator('#totp-secret')).toBeVisible();
      },
    },
    {
      name: 'team-invite-created',
      route: '/team',
      open: async (page) => {
        await page.goto(`${base}/admin/team`);
        await page.getByLabel('Email').fill(`${test.info().project.name}-${Date.now()}@example.com`);
        await page.getByRole('button', { name: 'Create invitation link' }).click();
        await expect(page.locator('.secret')).toBeVisible();
      },
    },
    { name: 'not-found', route: '(error)', open: go('/incidents/zzzzzzzzzzzz') },
  ];
}

/** Screens of someone who is not logged in. */
function loggedOutScreens(): Screen[] {
  const go = (path: string) => (page: Page) => page.goto(`${base}/admin${path}`);
  return [
    { name: 'login', route: '/login', open: go('/login') },
    { name: 'forgot', route: '/forgot', open: go('/forgot') },
    { name: 'reset-link-invalid', route: '/reset', open: go('/reset?token=expired') },
    { name: 'setup-link-invalid', route: '/setup', open: go('/setup?token=expired') },
    { name: 'invite-link-invalid', route: '/invite', open: go('/invite?token=expired') },
  ];
}

/** GET routes that serve no screen: files, redirects to the identity provider, the CSV export. */
const notScreens = new Set([
  '/assets/admin.css',
  '/assets/admin.js',
  '/assets/component-picker.js',
  '/assets/webauthn.js',
  '/assets/passkeys.js',
  '/subscribers/export.csv',
  '/oidc/start',
  '/oidc/callback',
  '/assets/:file',
  '/revision.json',
]);

/** The GET routes declared in route files, `${base}` spelled out as the incidents' and maintenances'. */
function declaredRoutes(dir: string, match: RegExp): string[] {
  const routes: string[] = [];
  for (const entry of readdirSync(dir, { recursive: true, encoding: 'utf8' })) {
    if (!match.test(entry) || entry.includes('.test.')) continue;
    const source = readFileSync(join(dir, entry), 'utf8');
    for (const m of source.matchAll(/\.get(?:<[^>]*(?:>[^>]*)?>)?\(\s*['`]([^'`]+)['`]/g)) {
      const path = m[1]!;
      if (path.includes('${base}')) routes.push(path.replace('${base}', '/incidents'), path.replace('${base}', '/maintenances'));
      else routes.push(path);
    }
  }
  return routes.filter((r) => r.startsWith('/') && !notScreens.has(r));
}

test('the screens listed here are every screen the admin app and the public page declare', () => {
  const admin = declaredRoutes('src/admin', /-routes\.tsx?$/);
  const visitor = [
    ...declaredRoutes('src/public-page', /^public-page-routes\.ts$/),
    ...declaredRoutes('src/subscriptions-web', /^subscription-routes\.tsx$/),
  ];
  const listed = (screens: Screen[]) => new Set(screens.map((s) => s.route));
  const adminListed = listed([...adminScreens(), ...loggedOutScreens()]);
  expect(admin.filter((r) => !adminListed.has(r))).toEqual([]);
  expect(admin.length).toBeGreaterThan(30);
  const visitorListed = listed(publicScreens('en'));
  expect(visitor.filter((r) => !visitorListed.has(r))).toEqual([]);
  expect(visitor.length).toBeGreaterThan(5);
});

async function axeViolations(page: Page): Promise<string[]> {
  // Only the violations are detailed: the passes' details would double axe's time on every screen.
  // (options() replaces the run's options, so it comes before the tags.)
  const results = await new AxeBuilder({ page })
    .options({ resultTypes: ['violations'] })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze();
  return results.violations.map(
    (v) =>
      `${v.id} (${v.impact ?? ''}): ${v.help}\n    ${v.nodes
        .map((n) => `${n.target.join(' ')} ${n.failureSummary?.split('\n')[1]?.trim() ?? ''}`)
        .slice(0, 5)
        .join('\n    ')}`,
  );
}

/**
 * A full-page screenshot for review. Chromium now and then answers "Unable to capture screenshot"
 * on a busy machine (a compositor frame that was not ready): that says nothing about the screen, so
 * it is asked once more after a frame; a second refusal fails the tour.
 */
async function screenshot(page: Page, path: string): Promise<void> {
  try {
    await page.screenshot({ path, fullPage: true });
  } catch (error) {
    if (!String(error).includes('Unable to capture screenshot')) throw error;
    await page.waitForTimeout(500);
    await page.screenshot({ path, fullPage: true });
  }
}

/** Screenshot named screen-width-scheme.png, then axe and no sideways scroll, each reported without stopping the tour. */
async function check(page: Page, testInfo: TestInfo, name: string, scheme: string): Promise<void> {
  const width = testInfo.project.use.viewport?.width ?? 0;
  await screenshot(page, `screenshots/${name}-${width}-${scheme}.png`);
  expect.soft(await axeViolations(page), `axe on ${name} (${width} px, ${scheme})`).toEqual([]);
  expect.soft(await scrollsSideways(page), `${name} (${width} px, ${scheme}) scrolls sideways`).toBeNull();
}

/** The project's window (360 or 1280 px) in one colour scheme, its browser asking for `locale` when given. */
function newContext(browser: Browser, testInfo: TestInfo, colorScheme: 'light' | 'dark', locale?: string): Promise<BrowserContext> {
  const { viewport, isMobile, hasTouch, timezoneId } = testInfo.project.use;
  // One screen pixel per CSS pixel: a phone's full page at twice the size costs time and disk for nothing to review.
  return browser.newContext({
    colorScheme,
    deviceScaleFactor: 1,
    ...(locale !== undefined && { locale }),
    ...(timezoneId !== undefined && { timezoneId }),
    ...(viewport !== undefined && { viewport }),
    ...(isMobile !== undefined && { isMobile }),
    ...(hasTouch !== undefined && { hasTouch }),
  });
}

async function logIn(page: Page): Promise<void> {
  await page.goto(`${base}/admin/login`);
  await page.getByLabel('Email').fill(owner.email);
  await page.getByLabel('Password').fill(owner.password);
  await page.getByRole('button', { name: 'Log in' }).click();
  await expect(page.getByRole('heading', { name: 'Dashboard' })).toBeVisible();
}

for (const scheme of ['light', 'dark'] as const) {
  test(`every public and admin screen in the ${scheme} scheme: a screenshot each, and axe finds nothing`, async ({ browser }, testInfo) => {
    // About 70 screens, each with axe (a second or two apiece, more on a busy machine).
    test.setTimeout(600_000);
    // One context per width and scheme; the member logs in once in it.
    const context = await newContext(browser, testInfo, scheme);
    const page = await context.newPage();
    await page.clock.setFixedTime(new Date(exampleToday));
    try {
      for (const locale of publicLocales) {
        for (const screen of publicScreens(locale)) {
          await test.step(`${screen.name} (${locale})`, async () => {
            await screen.open(page);
            await check(page, testInfo, `public-${screen.name}-${locale}`, scheme);
          });
        }
      }
      for (const screen of loggedOutScreens()) {
        await test.step(screen.name, async () => {
          await screen.open(page);
          await check(page, testInfo, `admin-${screen.name}`, scheme);
        });
      }
      await logIn(page);
      for (const screen of adminScreens()) {
        await test.step(screen.name, async () => {
          await screen.open(page);
          await check(page, testInfo, `admin-${screen.name}`, scheme);
        });
      }
    } finally {
      await context.close();
    }
  });
}

/** The admin screens an Arabic-reading member's tour covers: the on-call path and each kind of form. */
const arabicAdminScreens = [
  'dashboard',
  'incidents',
  'incident-new',
  'incident',
  'components',
  'component-edit',
  'monitor',
  'alert-receiver',
  'settings',
  'team',
  'account',
];

test('the admin in Arabic, as the member’s browser asks: right to left, mirrored, and axe finds nothing', async ({ browser }, testInfo) => {
  test.setTimeout(300_000);
  const context = await newContext(browser, testInfo, 'light', 'ar');
  const page = await context.newPage();
  await page.clock.setFixedTime(new Date(exampleToday));
  try {
    await page.goto(`${base}/admin/login`);
    await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
    await page.locator('input[name="email"]').fill(owner.email);
    await page.locator('input[name="password"]').fill(owner.password);
    await page.locator('form:has(input[name="password"]) button[type="submit"]').click();
    await expect(page).toHaveURL(`${base}/admin`);
    const width = testInfo.project.use.viewport?.width ?? 0;
    const brand = await page.locator('a.brand').boundingBox();
    expect(brand, 'the brand is shown').not.toBeNull();
    expect(brand!.x + brand!.width, 'the brand sits at the right edge').toBeGreaterThan(width * 0.6);
    for (const screen of adminScreens().filter((s) => arabicAdminScreens.includes(s.name))) {
      await test.step(screen.name, async () => {
        await screen.open(page);
        await expect(page.locator('html')).toHaveAttribute('lang', 'ar');
        await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
        await check(page, testInfo, `admin-ar-${screen.name}`, 'light');
      });
    }
  } finally {
    await context.close();
  }
});

test('during a major outage with an open incident, the coloured incident header at both schemes, in en and ar', async ({
  browser,
}, testInfo) => {
  test.setTimeout(120_000);
  const outage = await api('POST', '/incidents', {
    name: 'Uploads failing',
    status: 'identified',
    body: 'Uploads fail with **502**; a faulty load balancer is being replaced.',
    components: { [ids.component]: 'major_outage' },
    deliverNotifications: false,
  });
  for (const scheme of ['light', 'dark'] as const) {
    const context = await newContext(browser, testInfo, scheme);
    const page = await context.newPage();
    await page.clock.setFixedTime(new Date(exampleToday));
    try {
      for (const locale of publicLocales) {
        await test.step(`${scheme}, ${locale}`, async () => {
          await page.goto(`${base}/?locale=${locale}`);
          const head = page.locator('article.event', { hasText: 'Uploads failing' }).locator('.event-head');
          await expect(head).toBeVisible();
          await expect(head.locator('svg.icon')).toBeVisible();
          await check(page, testInfo, `public-outage-home-${locale}`, scheme);
          await page.goto(`${base}/incidents/${outage.id}?locale=${locale}`);
          await check(page, testInfo, `public-outage-incident-${locale}`, scheme);
        });
      }
    } finally {
      await context.close();
    }
  }
});
