import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { brotliDecompressSync } from 'node:zlib';
import { createComponent, updateComponent } from '../modules/components/index.ts';
import { openIncident } from '../modules/incidents/index.ts';
import { updatePageSettings } from '../modules/page/index.ts';
import { buildScenario, createPublicApp, type PublicApp, type Scenario } from '../../test/support/public-scenario.ts';

/** The page's text without tags, spaces collapsed: what a visitor reads. */
function text(html: string): string {
  return html
    .replace(/<title>[\s\S]*?<\/title>/g, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/\s+/g, ' ');
}

function inOrder(haystack: string, needles: string[]): void {
  let from = 0;
  for (const needle of needles) {
    const at = haystack.indexOf(needle, from);
    assert.ok(at >= 0, `"${needle}" should follow, in order, in: ${haystack.slice(from, from + 400)}`);
    from = at + needle.length;
  }
}

describe('the public page of a quiet page', () => {
  let app: PublicApp;
  before(async () => {
    app = await createPublicApp();
    await createComponent(app.appCtx, { name: 'API' });
    await createComponent(app.appCtx, { name: 'Dashboard', description: 'Where customers log in' });
  });
  after(() => app.close());

  test('/ shows the components and the overall status, in the page’s language', async () => {
    const response = await app.aviso.app.inject('/');
    assert.equal(response.statusCode, 200);
    assert.match(response.headers['content-type'] as string, /text\/html/);
    assert.match(response.body, /<html lang="en" dir="ltr">/);
    const page = text(response.body);
    assert.match(page, /All Systems Operational/);
    inOrder(page, ['API', 'Operational', 'Dashboard', 'About Dashboard', 'Where customers log in', 'Operational']);
    assert.match(page, /No incidents reported today\./);
  });

  test('a component’s description is a tooltip its (i) button names, reached by keyboard, not only a title', async () => {
    const body = (await app.aviso.app.inject('/')).body;
    const button =
      /<button type="button" class="about-button" aria-describedby="(about-[0-9a-z]{12})">[\s\S]*?<span class="visually-hidden">About Dashboard<\/span><\/button>/.exec(
        body,
      );
    assert.ok(button, 'a focusable button named after the component');
    assert.match(
      body,
      new RegExp(`<span class="component-description" role="tooltip" id="${button[1]}" dir="auto">Where customers log in</span>`),
    );
    assert.doesNotMatch(body, /title="Where customers log in"/);
    assert.equal((body.match(/class="about-button"/g) ?? []).length, 1, 'only components with a description have one');
  });

  test('a change is visible on the next request', async () => {
    const first = await app.aviso.app.inject('/');
    const [api] = (await import('../modules/components/index.ts').then((m) => m.listComponents(app.appCtx.db))).filter(
      (c) => c.name === 'API',
    );
    await updateComponent(app.appCtx, api!.id, { status: 'major_outage' });
    const second = await app.aviso.app.inject('/');
    assert.notEqual(second.headers['etag'], first.headers['etag']);
    assert.match(text(second.body), /Major System Outage|Partial System Outage/);
    assert.match(text(second.body), /API Major outage/);
    await updateComponent(app.appCtx, api!.id, { status: 'operational' });
  });

  test('a visitor who has the page gets 304', async () => {
    const first = await app.aviso.app.inject('/');
    const again = await app.aviso.app.inject({ url: '/', headers: { 'if-none-match': String(first.headers['etag']) } });
    assert.equal(again.statusCode, 304);
    assert.equal(again.body, '');
  });

  test('names written by operators are shown as written, never as markup', async () => {
    await openIncident(app.appCtx, { name: 'Errors on <script>alert(1)</script> & co', body: 'Details <b>here</b>' });
    const response = await app.aviso.app.inject('/');
    assert.doesNotMatch(response.body, /<script>alert/);
    assert.doesNotMatch(response.body, /<b>here/);
    assert.match(text(response.body), /Errors on <script>alert\(1\)<\/script> & co/);
  });
});

describe('the public page in the middle of an incident', () => {
  let app: PublicApp;
  let s: Scenario;
  before(async () => {
    app = await createPublicApp();
    s = await buildScenario(app);
  });
  after(() => app.close());

  test('an unresolved incident replaces the banner, with its latest updates', async () => {
    const page = text((await app.aviso.app.inject('/')).body);
    assert.doesNotMatch(page, /All Systems Operational|Partial System Outage|Minor Service Outage/);
    inOrder(page, [
      'Ongoing incidents',
      'Slow dashboard',
      'Update',
      'The fix is rolling out region by region.',
      'Identified',
      'Investigating',
    ]);
    inOrder(page, ['Maintenance in progress', 'CDN certificate rotation', 'Scheduled maintenance', 'API gateway upgrade', 'Components']);
    inOrder(page, ['Web app', 'Partial outage', 'Dashboard', 'Partial outage', 'Login', 'Operational']);
    inOrder(page, ['Past incidents', 'Nov 20, 2025', 'Nov 19, 2025', 'No incidents reported.', 'Nov 18, 2025', 'API errors', 'Postmortem']);
  });

  test('/incidents/:id lists updates newest first, "Update" where the status stayed, the postmortem first', async () => {
    const active = text((await app.aviso.app.inject(`/incidents/${s.activeIncident.id}`)).body);
    inOrder(active, [
      'Slow dashboard',
      'Major impact',
      'This incident affected: Web app - Dashboard.',
      'Update',
      'Identified',
      'Investigating',
    ]);
    const past = await app.aviso.app.inject(`/incidents/${s.pastIncident.id}`);
    assert.equal(past.statusCode, 200);
    inOrder(text(past.body), [
      'API errors',
      'Postmortem',
      'What happened',
      'A bad deploy.',
      'Resolved',
      'Requests succeed again.',
      'Nov 18, 2025',
      'Investigating',
      'Requests to the API fail.',
    ]);
    assert.match(past.body, /<h3>What happened<\/h3>/);
  });

  test('an unknown incident is a 404 page', async () => {
    for (const id of ['zzzzzzzzzzzz', 'not-an-id']) {
      const response = await app.aviso.app.inject(`/incidents/${id}`);
      assert.equal(response.statusCode, 404);
      assert.match(response.headers['content-type'] as string, /text\/html/);
      assert.match(text(response.body), /This incident does not exist/);
    }
    const inPortuguese = await app.aviso.app.inject({ url: '/incidents/zzzzzzzzzzzz', headers: { 'accept-language': 'pt-BR' } });
    assert.equal(inPortuguese.statusCode, 404);
    assert.match(inPortuguese.body, /<html lang="pt-BR" dir="ltr">/);
    assert.match(text(inPortuguese.body), /Este incidente não existe/);
  });

  test('/history in pt-BR: three months newest first, the empty-month line, labels translated', async () => {
    const response = await app.aviso.app.inject('/history?locale=pt-BR');
    assert.equal(response.statusCode, 200);
    assert.match(response.body, /<html lang="pt-BR" dir="ltr">/);
    const page = text(response.body);
    inOrder(page, [
      'novembro de 2025',
      'API errors',
      'Post-mortem',
      'Resolvido',
      'Investigando',
      'outubro de 2025',
      'Nenhum incidente relatado neste mês.',
      'setembro de 2025',
      'Nenhum incidente relatado neste mês.',
    ]);
    assert.match(page, /set\.\s–\snov\. de 2025/);
    inOrder(page, ['Slow dashboard', 'Atualização', 'Identificado', 'Investigando']);
    assert.doesNotMatch(page, /Após a morte/);
  });

  test('/history pages go back three months at a time, and no further than the oldest event', async () => {
    assert.equal((await app.aviso.app.inject('/history?page=2')).statusCode, 404);
    assert.equal((await app.aviso.app.inject('/history?page=zero')).statusCode, 400);
    app.clock.set('2026-03-05T12:00:00.000Z');
    await createComponent(app.appCtx, { name: 'Search' });
    const first = text((await app.aviso.app.inject('/history')).body);
    inOrder(first, ['March 2026', 'No incidents reported this month.', 'February 2026', 'January 2026', 'Previous']);
    assert.doesNotMatch(first, /Next/);
    const second = text((await app.aviso.app.inject('/history?page=2')).body);
    inOrder(second, ['Oct – Dec 2025', 'December 2025', 'November 2025', 'API errors', 'October 2025', 'Next']);
    app.clock.set('2025-11-20T12:00:00.000Z');
  });

  test('a month with many incidents shows the first five and the rest behind "Show all"', async () => {
    app.clock.set('2025-11-20T12:00:00.000Z');
    for (let i = 1; i <= 6; i++) {
      app.clock.set(`2025-11-0${i}T08:00:00.000Z`);
      await openIncident(app.appCtx, { name: `Blip ${i}`, status: 'resolved', backfilled: true, startedAt: `2025-11-0${i}T07:00:00.000Z` });
    }
    app.clock.set('2025-11-20T12:00:00.000Z');
    const page = text((await app.aviso.app.inject('/history')).body);
    inOrder(page, ['November 2025', 'Slow dashboard', 'API errors', 'Blip 6', 'Show all 10 incidents', 'Blip 1', 'October 2025']);
  });

  test('/uptime shows each showcased component’s monthly figures and the chosen one’s calendars', async () => {
    const page = text((await app.aviso.app.inject('/uptime?locale=en')).body);
    // API: 75 min of major outage on 18 Nov over 19.5 days of data since its start date.
    inOrder(page, ['Monthly uptime', 'API', '99.73%', 'No data', 'No data', '99.73%']);
    // Dashboard: 2 h of partial outage (× 0.3) since 1 Nov.
    inOrder(page, ['Web app – Dashboard', '99.87%', 'Web app – Login', '100.0%']);
    assert.doesNotMatch(page, /CDN/);
    inOrder(page, ['September 2025', 'No data', 'October 2025', 'November 2025', '99.73% uptime']);
    const dashboard = await app.aviso.app.inject(`/uptime?component=${s.dashboard.id}`);
    inOrder(text(dashboard.body), [
      'Web app – Dashboard',
      'September 2025',
      'November 2025',
      '99.87% uptime',
      'Nov 20, 2025: Partial outage 2 hrs',
    ]);
    // The days after today have not happened: blank, never "no data".
    assert.doesNotMatch(text(dashboard.body), /Nov 21, 2025: No data/);
    assert.match(dashboard.body, /<li class="cal-day l-future" aria-hidden="true">21<\/li>/);
    assert.equal((await app.aviso.app.inject(`/uptime?component=${s.cdn.id}`)).statusCode, 404);
    assert.equal((await app.aviso.app.inject('/uptime?page=2')).statusCode, 404);
  });

  test('the uptime legend paints each level with the colours its tiles take: every tile lies on its level’s swatch', async () => {
    const rgb = (hex: string) => [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));
    let tiles = 0;
    for (const url of ['/uptime', `/uptime?component=${s.dashboard.id}`]) {
      const body = (await app.aviso.app.inject(url)).body;
      const swatches = new Map<string, number[][]>();
      for (const [, level, fill] of body.matchAll(/<span class="swatch l-([a-z-]+)" style="background:([^"]+)">/g)) {
        swatches.set(level!, (fill!.match(/#[0-9a-f]{6}/g) ?? []).map(rgb));
      }
      assert.deepEqual([...swatches.keys()], ['operational', 'minor', 'partial', 'major', 'no-data']);
      assert.match(
        body,
        /<span class="swatch l-minor" style="background:linear-gradient\(90deg, #[0-9a-f]{6}, #f1c40f\)">/,
        'minor ends in yellow, as at 20 minutes',
      );
      for (const [, level, fill] of body.matchAll(/<li class="cal-day l-([a-z-]+)" style="background:(#[0-9a-f]{6})"/g)) {
        const ends = swatches.get(level!)!;
        const tile = rgb(fill!);
        for (let channel = 0; channel < 3; channel++) {
          const values = ends.map((e) => e[channel]!);
          assert.ok(tile[channel]! >= Math.min(...values) && tile[channel]! <= Math.max(...values), `${fill} is on the ${level} swatch`);
        }
        tiles++;
      }
    }
    assert.ok(tiles > 60, 'the calendars were read');
  });

  test('the day bars carry the outage and the related incident of each day', async () => {
    const body = (await app.aviso.app.inject('/')).body;
    assert.match(body, /Nov 18, 2025\nMajor outage 1 hr 15 mins\nRelated: API errors/);
    assert.match(text(body), /Days with downtime \(2\)/);
  });
});

describe('the visitor’s language', () => {
  let app: PublicApp;
  before(async () => {
    app = await createPublicApp();
    await createComponent(app.appCtx, { name: 'API' });
  });
  after(() => app.close());

  const lang = (body: string) => /<html lang="([^"]+)"/.exec(body)?.[1];

  test('?locale= wins, sets the switcher’s cookie and is not stored by shared caches', async () => {
    const response = await app.aviso.app.inject({ url: '/?locale=de', headers: { cookie: 'aviso_locale=fr', 'accept-language': 'ru' } });
    assert.equal(lang(response.body), 'de');
    assert.match(text(response.body), /Alle Systeme betriebsbereit/);
    assert.match(String(response.headers['set-cookie']), /^aviso_locale=de; Path=\/;/);
    assert.match(String(response.headers['cache-control']), /private/);
  });

  test('then the cookie, then Accept-Language, then the page default; the response varies by them', async () => {
    const byCookie = await app.aviso.app.inject({ url: '/', headers: { cookie: 'theme=dark; aviso_locale=fr', 'accept-language': 'ru' } });
    assert.equal(lang(byCookie.body), 'fr');
    assert.match(String(byCookie.headers['vary']), /Cookie/);
    assert.match(String(byCookie.headers['vary']), /Accept-Language/);
    const byHeader = await app.aviso.app.inject({ url: '/', headers: { 'accept-language': 'ko, pt-PT;q=0.8, en;q=0.5' } });
    assert.equal(lang(byHeader.body), 'pt-BR');
    assert.match(text(byHeader.body), /Todos os sistemas operacionais/);
    const byDefault = await app.aviso.app.inject({ url: '/', headers: { 'accept-language': 'ko' } });
    assert.equal(lang(byDefault.body), 'en');
    assert.notEqual(byHeader.headers['etag'], byDefault.headers['etag']);
  });

  test('a language the page does not offer is refused', async () => {
    const response = await app.aviso.app.inject('/?locale=xx');
    assert.equal(response.statusCode, 400);
    assert.match(response.headers['content-type'] as string, /text\/html/);
  });

  test('the switcher is a plain form that keeps the page being read', async () => {
    const body = (await app.aviso.app.inject('/uptime')).body;
    assert.match(body, /<form class="switcher" method="get" action="\/uptime">/);
    assert.match(body, /<option value="pt-BR" lang="pt-BR">Português \(Brasil\)<\/option>/);
  });
});

describe('assets and weight', () => {
  let app: PublicApp;
  before(async () => {
    app = await createPublicApp();
    await buildScenario(app);
  });
  after(() => app.close());

  test('the stylesheet and script have hashed URLs cached for a year; other asset names are 404', async () => {
    const page = (await app.aviso.app.inject('/')).body;
    const urls = [...page.matchAll(/(?:href|src)="(\/assets\/[^"]+)"/g)].map((m) => m[1] as string);
    assert.equal(urls.length, 2);
    for (const url of urls) {
      assert.match(url, /^\/assets\/status\.[\w-]{10}\.(css|js)$/);
      const asset = await app.aviso.app.inject(url);
      assert.equal(asset.statusCode, 200);
      assert.match(String(asset.headers['cache-control']), /max-age=31536000, immutable/);
    }
    assert.equal((await app.aviso.app.inject('/assets/status.css')).statusCode, 404);
  });

  test('a first visit weighs under 60 KB compressed, script and stylesheet included', async () => {
    const get = (url: string) => app.aviso.app.inject({ url, headers: { 'accept-encoding': 'br' } });
    const page = await get('/');
    const urls = [
      ...brotliDecompressSync(page.rawPayload)
        .toString('utf8')
        .matchAll(/(?:href|src)="(\/assets\/[^"]+)"/g),
    ].map((m) => m[1] as string);
    let total = page.rawPayload.length;
    for (const url of urls) total += (await get(url)).rawPayload.length;
    assert.ok(total < 60 * 1024, `first visit: ${total} bytes`);
  });

  test('/revision.json names the data revision the script compares', async () => {
    const response = await app.aviso.app.inject('/revision.json');
    assert.equal(response.statusCode, 200);
    assert.equal(typeof response.json().revision, 'number');
    assert.match((await app.aviso.app.inject('/')).body, new RegExp(`data-revision="${response.json().revision}"`));
  });
});

describe('the page’s brand colours', () => {
  test('links and the header take the colours from the page settings in the light scheme; the dark scheme keeps its own', async () => {
    const app = await createPublicApp();
    try {
      const plain = (await app.aviso.app.inject('/')).body;
      assert.match(plain, /<header class="masthead">/);
      assert.doesNotMatch(plain, /--brand-header/);

      await updatePageSettings(app.appCtx, { settings: { colours: { link: '#0b5394', headerBackground: '#4a148c' } } });
      const branded = (await app.aviso.app.inject('/')).body;
      assert.match(branded, /<header class="masthead branded">/);
      const style = /<style>([^<]*)<\/style>/.exec(branded)?.[1] ?? '';
      assert.equal(style, '@media not (prefers-color-scheme: dark){:root{--link:#0b5394;--focus:#0b5394;--brand-header:#4a148c}}');
      assert.ok(branded.indexOf('<style>') > branded.indexOf('rel="stylesheet"'), 'after the stylesheet, so it wins');
      const css = (await app.aviso.app.inject(/href="(\/assets\/status[^"]*\.css)"/.exec(branded)![1]!)).body;
      assert.match(css, /@media not \(prefers-color-scheme: dark\) \{\s*\.masthead\.branded \{\s*background: var\(--brand-header\)/);
    } finally {
      await app.close();
    }
  });
});
