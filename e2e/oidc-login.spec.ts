import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { startOidcProvider, type TestOidcProvider } from '../test/support/oidc-provider.ts';
import { freePort } from './support.ts';

/**
 * Sign-in through a real OpenID Connect provider (oidc-provider on 127.0.0.1, started here) into an
 * Aviso of its own, configured for it as an operator would (AVISO_OIDC_*), in Chromium.
 */
let server: ChildProcess | undefined;
let provider: TestOidcProvider | undefined;
let base = '';

test.beforeAll(async () => {
  test.setTimeout(90_000);
  const port = await freePort();
  base = `http://127.0.0.1:${port}`;
  provider = await startOidcProvider({ redirectUri: `${base}/admin/oidc/callback` });
  provider.identities.set('ana', { email: 'owner@example.com', email_verified: true, name: 'Ana' });
  provider.identities.set('mallory', { email: 'mallory@example.com', email_verified: false, name: 'Mallory' });
  server = spawn(process.execPath, ['dist/main.js'], {
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      AVISO_DATA_DIR: mkdtempSync(join(tmpdir(), 'aviso-oidc-e2e-')),
      AVISO_EXAMPLE: 'none',
      AVISO_LOG_LEVEL: 'warn',
      AVISO_PUBLIC_URL: base,
      AVISO_ADMIN_EMAIL: 'owner@example.com',
      AVISO_ADMIN_PASSWORD: 'a password nobody types here',
      AVISO_OIDC_ISSUER: provider.issuer,
      AVISO_OIDC_CLIENT_ID: provider.clientId,
      AVISO_OIDC_CLIENT_SECRET: provider.clientSecret,
      AVISO_OIDC_NAME: 'Example SSO',
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  for (let i = 0; i < 150; i++) {
    const ready = await fetch(`${base}/readyz`).then(
      (r) => r.ok,
      () => false,
    );
    if (ready) return;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error('Aviso did not become ready');
});

test.afterAll(async () => {
  if (server?.pid !== undefined) server.kill('SIGTERM');
  await provider?.close();
});

async function signInAtProvider(page: Page, login: string): Promise<void> {
  await page.goto(`${base}/admin/login`);
  await page.getByRole('link', { name: 'Sign in with Example SSO' }).click();
  await expect(page).toHaveURL(new RegExp(`^${provider!.issuer}/`));
  await page.locator('input[name="login"]').fill(login);
  await page.locator('input[name="password"]').fill('anything');
  await page.getByRole('button', { name: 'Sign-in' }).click();
}

test('a member signs in with the team provider and lands in the admin app', async ({ page }) => {
  await signInAtProvider(page, 'ana');
  await expect(page).toHaveURL(`${base}/admin`);
  // On a phone the member's name is in the bar's Menu.
  const menu = page.locator('details.menu');
  if (await menu.isVisible()) await menu.locator('summary').click();
  await expect(page.getByRole('link', { name: /\(owner\)/ })).toBeVisible();
  const cookies = await page.context().cookies(`${base}/admin`);
  expect(cookies.map((c) => c.name)).toContain('aviso_session');
  expect(cookies.map((c) => c.name)).not.toContain('aviso_oidc');
});

test('an address the provider has not verified is refused on the login page, with the reason', async ({ page }) => {
  await signInAtProvider(page, 'mallory');
  await expect(page).toHaveURL(new RegExp(`^${base}/admin/oidc/callback`));
  await expect(page.getByRole('alert')).toContainText('Example SSO has not verified mallory@example.com');
  await expect(page.getByRole('button', { name: 'Log in' })).toBeVisible();
  expect((await page.context().cookies(`${base}/admin`)).map((c) => c.name)).not.toContain('aviso_session');
});
