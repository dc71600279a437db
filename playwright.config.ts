import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defineConfig } from '@playwright/test';
import { exampleToday, freePort } from './e2e/support.ts';

/**
 * Browser tests in Debian's Chromium against a real Aviso on a free port, with a temp data dir and
 * the example page. The runner picks the port and the dir once; its workers inherit them.
 */
if (process.env['AVISO_E2E_PORT'] === undefined) {
  process.env['AVISO_E2E_PORT'] = String(await freePort());
  process.env['AVISO_E2E_DATA_DIR'] = mkdtempSync(join(tmpdir(), 'aviso-e2e-'));
}
const port = process.env['AVISO_E2E_PORT'];
// The browser tests log in over and over: servers they start hash passwords at scrypt's 2^14, not 2^17.
process.env['AVISO_PASSWORD_COST'] ??= '14';

const baseURL = `http://127.0.0.1:${port}`;

const chromium = {
  browserName: 'chromium' as const,
  launchOptions: {
    executablePath: '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  },
};

export default defineConfig({
  testDir: 'e2e',
  testMatch: '**/*.spec.ts',
  outputDir: 'test-results',
  forbidOnly: true,
  fullyParallel: true,
  retries: 0,
  workers: 2,
  timeout: 30_000,
  reporter: [['list']],
  globalTeardown: './e2e/global-teardown.ts',
  use: { baseURL, ...chromium, timezoneId: 'UTC' },
  projects: [
    { name: 'desktop', use: { viewport: { width: 1280, height: 800 } } },
    { name: 'phone', use: { viewport: { width: 360, height: 740 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true } },
  ],
  webServer: {
    // The compiled server, as users run it (npm run test:e2e builds it first when a source changed).
    command: 'node dist/main.js',
    url: `${baseURL}/readyz`,
    reuseExistingServer: false,
    timeout: 120_000,
    stdout: 'ignore',
    stderr: 'pipe',
    env: {
      PORT: port ?? '',
      HOST: '127.0.0.1',
      AVISO_DATA_DIR: process.env['AVISO_E2E_DATA_DIR'] ?? '',
      AVISO_EXAMPLE: 'kinescope',
      AVISO_LOG_LEVEL: 'warn',
      // "Today" on the server, as in the browser tests that pin the page's clock (page.clock).
      AVISO_NOW: exampleToday,
      AVISO_PASSWORD_COST: process.env['AVISO_PASSWORD_COST'],
    },
  },
});
