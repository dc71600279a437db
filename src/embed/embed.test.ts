import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { gzipSync } from 'node:zlib';
import { AxeBuilder } from '@axe-core/playwright';
import { chromium, type Browser, type BrowserContextOptions } from '@playwright/test';
import { postIncidentUpdate } from '../modules/incidents/index.ts';
import { supportedLocales } from '../shared/locales.ts';
import { buildScenario, createPublicApp, type PublicApp, type Scenario } from '../../test/support/public-scenario.ts';
import { t } from '../i18n/translate.ts';
import { allEmbedMessages, embedMessages, widgetStatuses } from './embed-messages.ts';
import { embedScript } from './embed-script.ts';

describe('the widget in every language', () => {
  it('has its words in each of the eight languages, none left in English by mistake', () => {
    const all = allEmbedMessages();
    assert.deepEqual(Object.keys(all).sort(), [...supportedLocales].sort());
    for (const locale of supportedLocales) {
      for (const [key, text] of Object.entries(all[locale])) assert.ok(text.trim().length > 0, `${locale}.${key}`);
      if (locale !== 'en') assert.notEqual(all[locale].d, all.en.d, locale);
    }
  });

  it('names every status exactly as the page does ("Identificado", not "Causa identificada")', () => {
    for (const locale of supportedLocales)
      for (const status of widgetStatuses) assert.equal(embedMessages(locale)[status], t(locale, `label.${status}`), `${locale}.${status}`);
    assert.equal(embedMessages('pt-BR').identified, 'Identificado');
    assert.equal(embedMessages('es').identified, 'Identificado');
  });

  it('stays small: under 5 KB before compression, 3 KB compressed, with the words of all eight languages', () => {
    const script = embedScript();
    assert.ok(Buffer.byteLength(script) < 5 * 1024, `${Buffer.byteLength(script)} bytes`);
    // Arabic and Japanese text hardly compresses: the compressed budget grew from 2.5 KB with them.
    assert.ok(gzipSync(script).length < 3 * 1024, `${gzipSync(script).length} bytes compressed`);
  });
});

const launchArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

describe('the widget embedded in another site, in Chromium', () => {
  let app: PublicApp;
  let s: Scenario;
  let aviso: string;
  let site: Server;
  let siteUrl: string;
  let browser: Browser;

  before(async () => {
    app = await createPublicApp();
    s = await buildScenario(app);
    await app.aviso.app.listen({ port: 0, host: '127.0.0.1' });
    aviso = `http://127.0.0.1:${(app.aviso.app.server.address() as AddressInfo).port}`;
    // Another origin: another port, a page that only includes the script.
    site = createServer((request, response) => {
      const query = new URL(request.url ?? '/', 'http://x').searchParams;
      const attributes = query.get('locale') ? ` data-locale="${query.get('locale')}"` : '';
      response.setHeader('set-cookie', 'shop_session=1; Path=/');
      response.setHeader('content-type', 'text/html; charset=utf-8');
      response.end(
        `<!doctype html><html><head><title>Shop</title></head><body><h1>Shop</h1><script src="${aviso}/embed.js"${attributes}></script></body></html>`,
      );
    });
    await new Promise<void>((resolve) => site.listen(0, '127.0.0.1', resolve));
    siteUrl = `http://127.0.0.1:${(site.address() as AddressInfo).port}`;
    browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: launchArgs });
  });
  after(async () => {
    await browser?.close();
    await new Promise((resolve) => site?.close(resolve));
    await app?.close();
  });

  async function open(path: string, options: BrowserContextOptions = {}, fakeClock = false) {
    const context = await browser.newContext(options);
    const page = await context.newPage();
    // A controllable clock lets a test move the widget's five-minute refresh along.
    if (fakeClock) await page.clock.install();
    const errors: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(message.text());
    });
    page.on('pageerror', (error) => errors.push(error.message));
    const summaryCookies: string[] = [];
    page.on('request', (request) => {
      if (request.url().includes('/api/v2/summary.json')) summaryCookies.push(request.headers()['cookie'] ?? '');
    });
    await page.goto(`${siteUrl}${path}`);
    return { context, page, errors, summaryCookies };
  }

  it('shows the active incident across origins, in the language asked, and can be dismissed from the keyboard', async () => {
    const { context, page, errors } = await open('/?locale=de');
    const notice = page.getByRole('status');
    await notice.getByRole('link').waitFor();
    assert.equal(await notice.getAttribute('lang'), 'de');
    assert.equal(await notice.getAttribute('aria-live'), 'polite');
    const text = (await notice.textContent()) ?? '';
    assert.match(text, /Störung · Ursache erkannt/);
    assert.match(text, /Slow dashboard/);
    assert.match(text, /The fix is rolling out region by region\./);
    const link = notice.getByRole('link', { name: 'Details ansehen' });
    assert.equal(await link.getAttribute('href'), `http://127.0.0.1/incidents/${s.activeIncident.id}`);

    const close = notice.getByRole('button', { name: 'Schließen' });
    await close.focus();
    await page.keyboard.press('Enter');
    await page.locator('[data-aviso-embed]').waitFor({ state: 'detached' });
    assert.deepEqual(errors, []);
    await context.close();
  });

  it('reads right to left in Arabic: dir="rtl", the stripe on the right and the close button on the left', async () => {
    const { context, page, errors } = await open('/?locale=ar');
    const notice = page.getByRole('status');
    await notice.getByRole('link').waitFor();
    assert.equal(await notice.getAttribute('lang'), 'ar');
    assert.equal(await notice.getAttribute('dir'), 'rtl');
    assert.match((await notice.textContent()) ?? '', /حادث · تم تحديد السبب/);
    assert.ok(await notice.getByRole('link', { name: 'عرض التفاصيل' }).isVisible());
    const box = (await notice.boundingBox())!;
    const close = (await notice.getByRole('button', { name: 'إغلاق' }).boundingBox())!;
    assert.ok(close.x - box.x < box.x + box.width - (close.x + close.width), 'the close button sits at the left edge');
    const stripe = await notice.evaluate((b) => [getComputedStyle(b).borderRightWidth, getComputedStyle(b).borderLeftWidth]);
    assert.deepEqual(stripe, ['6px', '0px']);
    assert.deepEqual(errors, []);
    await context.close();
  });

  it("follows the browser's language when the site does not choose, and sets no cookie of its own", async () => {
    const { context, page, errors, summaryCookies } = await open('/', { locale: 'pt-BR' });
    const notice = page.getByRole('status');
    await notice.getByRole('link').waitFor();
    assert.match((await notice.textContent()) ?? '', /Incidente · Identificado/);
    assert.equal(await notice.getByRole('button').getAttribute('aria-label'), 'Fechar');
    const cookies = await context.cookies();
    assert.deepEqual(
      cookies.map((c) => c.name),
      ['shop_session'],
    );
    // The site's cookie is for 127.0.0.1 like Aviso's; the widget's read carries none.
    assert.deepEqual(summaryCookies, ['']);
    assert.deepEqual(errors, []);
    await context.close();
  });

  for (const colorScheme of ['light', 'dark'] as const) {
    it(`passes axe's accessibility rules (${colorScheme})`, async () => {
      const { context, page } = await open('/?locale=en', { colorScheme });
      await page.getByRole('status').getByRole('link').waitFor();
      const results = await new AxeBuilder({ page }).include('[data-aviso-embed]').analyze();
      assert.deepEqual(
        results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.failureSummary).join('; ')}`),
        [],
      );
      await context.close();
    });
  }

  it('follows dark mode and reduced motion', async () => {
    const { context, page } = await open('/?locale=fr', { colorScheme: 'dark', reducedMotion: 'reduce' });
    const box = page.locator('[data-aviso-embed] .b');
    await box.getByRole('link').waitFor();
    const style = await box.evaluate((element) => {
      const computed = getComputedStyle(element);
      return { background: computed.backgroundColor, animation: computed.animationName };
    });
    assert.deepEqual(style, { background: 'rgb(31, 35, 40)', animation: 'none' });
    await context.close();
  });

  it('follows the page as it changes: the maintenance once the incident is resolved, then nothing', async () => {
    const { context, page, errors } = await open('/?locale=es', {}, true);
    const notice = page.getByRole('status');
    const script = page.locator('script[src$="/embed.js"]');
    const refresh = async () => {
      const answered = page.waitForResponse((response) => response.url().includes('/api/v2/summary.json'));
      await page.clock.fastForward('05:00');
      await answered;
    };
    await notice.getByText('Slow dashboard').waitFor();
    assert.match((await notice.textContent()) ?? '', /Incidente · Identificado/);

    app.clock.set('2025-11-20T12:30:00.000Z');
    await postIncidentUpdate(app.appCtx, s.activeIncident.id, { status: 'resolved', components: { [s.dashboard.id]: 'operational' } });
    await refresh();
    await notice.getByText('CDN certificate rotation').waitFor();
    assert.match((await notice.textContent()) ?? '', /Mantenimiento · En curso/);

    // Dismissed, it stays closed until the maintenance says something new.
    await notice.getByRole('button', { name: 'Cerrar' }).click();
    await refresh();
    assert.equal(await script.getAttribute('data-state'), 'dismissed');
    assert.equal(await page.locator('[data-aviso-embed]').count(), 0);
    app.clock.set('2025-11-20T12:40:00.000Z');
    await postIncidentUpdate(app.appCtx, s.activeMaintenance.id, { status: 'verifying' });
    await refresh();
    await notice.getByText(/Mantenimiento · Verificando/).waitFor();

    app.clock.set('2025-11-20T13:00:00.000Z');
    await postIncidentUpdate(app.appCtx, s.activeMaintenance.id, { status: 'completed', components: { [s.cdn.id]: 'operational' } });
    await refresh();
    await page.locator('[data-aviso-embed]').waitFor({ state: 'detached' });
    assert.equal(await script.getAttribute('data-state'), 'quiet');
    assert.deepEqual(errors, []);
    await context.close();
  });

  it('shows nothing when all is quiet', async () => {
    const { context, page, errors } = await open('/?locale=ru');
    await page.locator('script[data-state="quiet"]').waitFor({ state: 'attached' });
    assert.equal(await page.locator('[data-aviso-embed]').count(), 0);
    assert.deepEqual(errors, []);
    await context.close();
  });
});
