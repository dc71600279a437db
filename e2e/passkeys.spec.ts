import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { freePort } from './support.ts';

/**
 * Passkeys in Chromium with its virtual authenticator (CDP WebAuthn: a platform authenticator
 * that keeps discoverable credentials and verifies the user), against an Aviso of its own whose
 * public URL is http://localhost:PORT: a relying party must be a host name, not an address.
 */
let server: ChildProcess | undefined;
let base = '';
const email = 'owner@example.com';
const password = 'a password typed once here';

test.beforeAll(async () => {
  test.setTimeout(90_000);
  const port = await freePort();
  base = `http://localhost:${port}`;
  server = spawn(process.execPath, ['dist/main.js'], {
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      AVISO_DATA_DIR: mkdtempSync(join(tmpdir(), 'aviso-passkeys-e2e-')),
      AVISO_EXAMPLE: 'none',
      AVISO_LOG_LEVEL: 'warn',
      AVISO_PUBLIC_URL: base,
      AVISO_ADMIN_EMAIL: email,
      AVISO_ADMIN_PASSWORD: password,
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  for (let i = 0; i < 150; i++) {
    const ready = await fetch(`http://127.0.0.1:${port}/readyz`).then(
      (r) => r.ok,
      () => false,
    );
    if (ready) return;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error('Aviso did not become ready');
});

test.afterAll(() => {
  if (server?.pid !== undefined) server.kill('SIGTERM');
});

/** Chromium's virtual authenticator on this page: CTAP2, built in, resident keys, the user verified. */
async function addVirtualAuthenticator(page: Page) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('WebAuthn.enable');
  const { authenticatorId } = await cdp.send('WebAuthn.addVirtualAuthenticator', {
    options: {
      protocol: 'ctap2',
      transport: 'internal',
      hasResidentKey: true,
      hasUserVerification: true,
      isUserVerified: true,
      automaticPresenceSimulation: true,
    },
  });
  return { credentials: async () => (await cdp.send('WebAuthn.getCredentials', { authenticatorId })).credentials };
}

/** axe's WCAG 2.1 A and AA rules over the screen as the script left it. */
async function axeViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  return results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
}

/** The bar keeps Log out in the Menu on a phone. */
async function logOut(page: Page): Promise<void> {
  const menu = page.locator('details.menu');
  if (await menu.isVisible()) await menu.locator('summary').click();
  await page.getByRole('button', { name: 'Log out' }).click();
  await expect(page).toHaveURL(/\/admin\/login\?notice=logged-out$/);
}

test('a member adds a passkey, logs out, logs in with it without a password, and deletes it', async ({ page }) => {
  const blocked: string[] = [];
  page.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) blocked.push(message.text());
  });
  const authenticator = await addVirtualAuthenticator(page);
  const name = `Laptop ${test.info().project.name}`;

  await page.goto(`${base}/admin/login`);
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Log in', exact: true }).click();
  await expect(page).toHaveURL(`${base}/admin`);

  await page.goto(`${base}/admin/account`);
  await expect(page.getByText('Adding a passkey needs JavaScript')).toBeHidden();
  await page.getByLabel('Name of the passkey').fill(name);
  await page.getByRole('button', { name: 'Add a passkey' }).click();
  await expect(page).toHaveURL(`${base}/admin/account?notice=passkey-added`);
  await expect(page.getByRole('heading', { name })).toBeVisible();
  expect(await axeViolations(page), 'the account screen with a passkey').toEqual([]);
  const [credential] = await authenticator.credentials();
  expect(credential?.isResidentCredential, 'a discoverable passkey: it logs in without an email').toBe(true);
  expect(credential?.rpId).toBe('localhost');

  await logOut(page);
  expect(await axeViolations(page), 'the login screen with its passkey button').toEqual([]);
  await page.getByRole('button', { name: 'Sign in with a passkey' }).click();
  await expect(page).toHaveURL(`${base}/admin`);
  expect((await page.context().cookies(`${base}/admin`)).map((c) => c.name)).toContain('aviso_session');

  await page.goto(`${base}/admin/account`);
  await expect(page.getByRole('heading', { name })).toBeVisible();
  await expect(page.getByRole('listitem').filter({ hasText: name })).not.toContainText('last used —');
  await page.getByRole('button', { name: `Delete the passkey ${name}` }).click();
  await expect(page).toHaveURL(`${base}/admin/account?notice=passkey-removed`);
  await expect(page.getByRole('heading', { name })).toHaveCount(0);

  // The authenticator still holds it, but Aviso no longer knows it.
  await logOut(page);
  await page.getByRole('button', { name: 'Sign in with a passkey' }).click();
  await expect(page.getByRole('alert')).toContainText('This passkey is not registered with Aviso');
  await expect(page).toHaveURL(`${base}/admin/login?notice=logged-out`);
  expect(blocked).toEqual([]);
});
