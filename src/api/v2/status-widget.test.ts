import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { dirname, join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { chromium, type Browser } from '@playwright/test';
import { buildScenario, createPublicApp, type PublicApp } from '../../../test/support/public-scenario.ts';

// Statuspage's own published web component, unmodified, as a site would include it.
const widgetPackage = createRequire(import.meta.url).resolve('@statuspage/status-widget/package.json');
const widgetScript = readFileSync(join(dirname(widgetPackage), 'dist', 'index.js'));
const launchArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

describe("Statuspage's <statuspage-widget>, pointed at Aviso from another origin", () => {
  let app: PublicApp;
  let aviso: string;
  let site: Server;
  let siteUrl: string;
  let browser: Browser;

  before(async () => {
    app = await createPublicApp();
    await buildScenario(app);
    await app.aviso.app.listen({ port: 0, host: '127.0.0.1' });
    aviso = `http://127.0.0.1:${(app.aviso.app.server.address() as AddressInfo).port}`;
    site = createServer((request, response) => {
      if (request.url === '/status-widget.js') {
        response.setHeader('content-type', 'text/javascript; charset=utf-8');
        return response.end(widgetScript);
      }
      response.setHeader('content-type', 'text/html; charset=utf-8');
      return response.end(
        `<!doctype html><html><head><title>Shop</title></head><body>` +
          `<statuspage-widget id="basic" src="${aviso}"></statuspage-widget>` +
          `<statuspage-widget id="badge" src="${aviso}" appearance="badge" title="Our status"></statuspage-widget>` +
          `<script src="/status-widget.js"></script></body></html>`,
      );
    });
    await new Promise<void>((resolve) => site.listen(0, '127.0.0.1', resolve));
    siteUrl = `http://127.0.0.1:${(site.address() as AddressInfo).port}/`;
    browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: launchArgs });
  });
  after(async () => {
    await browser?.close();
    await new Promise((resolve) => site?.close(resolve));
    await app?.close();
  });

  it("shows the page's indicator and description in both appearances", async () => {
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(message.text());
    });
    await page.goto(siteUrl);
    await page.locator('#basic .status-text').waitFor();
    await page.locator('#badge .status-indicator').waitFor();
    const basic = page.locator('#basic');
    assert.equal((await basic.locator('.status-text').textContent())?.trim(), 'Minor Service Outage');
    assert.match((await basic.locator('.status-indicator').getAttribute('class')) ?? '', /\bminor\b/);
    assert.equal(await basic.locator('a').getAttribute('href'), aviso);
    const badge = page.locator('#badge');
    assert.equal((await badge.locator('.status-text').textContent())?.trim(), 'Our status');
    assert.equal((await badge.locator('.status-indicator').textContent())?.trim(), 'Minor Service Outage');
    assert.deepEqual(errors, []);
    await page.close();
  });
});
