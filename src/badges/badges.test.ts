import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { buildScenario, createPublicApp, type PublicApp, type Scenario } from '../../test/support/public-scenario.ts';
import { createComponentGroup, updateComponent } from '../modules/components/index.ts';
import { updatePageSettings } from '../modules/page/index.ts';
import type { Locale } from '../shared/locales.ts';
import { renderBadge, textWidth } from './badge-svg.ts';

const xml = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@' });

interface ParsedBadge {
  width: number;
  ariaLabel: string;
  role: string;
  title: string;
  lang: string | undefined;
  texts: string[];
  /** Each text's direction attribute and unicode-bidi, "" when it has none. */
  directions: string[];
  fills: string[];
  /** Where the label's and the message's halves start. */
  xs: number[];
}

function parseBadge(svg: string): ParsedBadge {
  assert.equal(XMLValidator.validate(svg), true);
  const root = xml.parse(svg).svg;
  const rects = root.g[0].rect as Record<string, string>[];
  const texts = root.g[1].text as Record<string, string>[];
  return {
    width: Number(root['@width']),
    ariaLabel: root['@aria-label'],
    role: root['@role'],
    title: root.title,
    lang: root['@lang'],
    texts: texts.map((t) => String(t['#text'])),
    directions: texts.map((t) => [t['@direction'], t['@unicode-bidi']].filter((a) => a !== undefined).join(' ')),
    fills: rects.map((r) => r['@fill']!),
    xs: rects.slice(0, 2).map((r) => Number(r['@x'])),
  };
}

describe('/badge.svg', () => {
  let app: PublicApp;
  let s: Scenario;
  before(async () => {
    app = await createPublicApp();
    s = await buildScenario(app);
  });
  after(() => app.close());
  const get = (url: string, headers: Record<string, string> = {}) => app.aviso.app.inject({ method: 'GET', url, headers });

  it("shows the page's rollup, named for screen readers", async () => {
    const response = await get('/badge.svg');
    assert.equal(response.statusCode, 200);
    assert.equal(response.headers['content-type'], 'image/svg+xml; charset=utf-8');
    const badge = parseBadge(response.body);
    assert.equal(badge.role, 'img');
    assert.equal(badge.ariaLabel, 'Test Page: Minor Service Outage');
    assert.equal(badge.title, 'Test Page: Minor Service Outage');
    assert.deepEqual(badge.texts, ['Test Page', 'Minor Service Outage']);
    assert.equal(badge.fills[1], '#f1c40f');
  });

  it("shows one component's status in its colour", async () => {
    const dashboard = parseBadge((await get(`/badge.svg?component=${s.dashboard.id}`)).body);
    assert.deepEqual(dashboard.texts, ['Dashboard', 'Partial outage']);
    assert.equal(dashboard.fills[1], '#bc4c00');
    const cdn = parseBadge((await get(`/badge.svg?component=${s.cdn.id}`)).body);
    assert.deepEqual(cdn.texts, ['CDN', 'Under maintenance']);
    assert.equal(cdn.fills[1], '#0969da');
    const login = parseBadge((await get(`/badge.svg?component=${s.login.id}`)).body);
    assert.equal(login.fills[1], '#1a7f37');
    const group = parseBadge((await get(`/badge.svg?component=${s.web.id}`)).body);
    assert.deepEqual(group.texts, ['Web app', 'Partial outage']);
  });

  it('adds the uptime figure when asked: 75 minutes of major outage since 1 Nov', async () => {
    // 19.5 days with data; 4,500 s down: 100 − 100 × 4500 / 1,684,800 = 99.7329 → 99.73.
    const api = parseBadge((await get(`/badge.svg?component=${s.api.id}&uptime=90d`)).body);
    assert.deepEqual(api.texts, ['API', 'Operational · 99.73%']);
    assert.equal(api.ariaLabel, 'API: Operational, 99.73% uptime over the last 90 days');
    const login = parseBadge((await get(`/badge.svg?component=${s.login.id}&uptime=30d`)).body);
    assert.deepEqual(login.texts, ['Login', 'Operational · 100.0%']);
    // A day later with no change: 20.5 days with data, the same 4,500 s: 99.7459 → 99.74.
    app.clock.set('2025-11-21T12:00:00.000Z');
    const later = parseBadge((await get(`/badge.svg?component=${s.api.id}&uptime=90d`)).body);
    assert.deepEqual(later.texts, ['API', 'Operational · 99.74%']);
  });

  it('refuses unknown components and options', async () => {
    assert.equal((await get('/badge.svg?component=000000000000')).statusCode, 404);
    assert.equal((await get('/badge.svg?uptime=7y')).statusCode, 400);
    assert.equal((await get('/badge.svg?colour=pink')).statusCode, 400);
  });

  it('is cacheable, with a validator, from any origin', async () => {
    const first = await get('/badge.svg');
    assert.match(String(first.headers['cache-control']), /^public, max-age=\d+/);
    assert.equal(first.headers['access-control-allow-origin'], '*');
    const again = await get('/badge.svg', { 'if-none-match': String(first.headers['etag']) });
    assert.equal(again.statusCode, 304);
  });

  it('sizes each half to its text, square when asked', () => {
    assert.ok(textWidth('major outage') > textWidth('operational'));
    const short = parseBadge(renderBadge({ label: 'A', message: 'ok', tone: 'operational' }));
    const long = parseBadge(renderBadge({ label: 'A much longer label', message: 'ok', tone: 'operational' }));
    assert.ok(long.width > short.width + 60);
    assert.match(renderBadge({ label: 'A', message: 'ok', tone: 'major', style: 'flat-square' }), /rx="0"/);
  });
});

describe("/badge.svg in the reader's language", () => {
  let app: PublicApp;
  let s: Scenario;
  before(async () => {
    app = await createPublicApp();
    s = await buildScenario(app);
  });
  after(() => app.close());
  const get = (url: string, headers: Record<string, string> = {}) => app.aviso.app.inject({ method: 'GET', url, headers });
  const badge = async (url: string) => {
    const response = await get(url);
    assert.equal(response.statusCode, 200, url);
    return parseBadge(response.body);
  };

  // What a reader of each language sees: API is up at 99.73% over 90 days, Dashboard partly down, the page in a minor outage.
  const seen: Record<Locale, { uptime: string; spoken: string; dashboard: string; page: string }> = {
    en: {
      uptime: 'Operational · 99.73%',
      spoken: 'API: Operational, 99.73% uptime over the last 90 days',
      dashboard: 'Partial outage',
      page: 'Minor Service Outage',
    },
    'pt-BR': {
      uptime: 'Operacional · 99,73%',
      spoken: 'API: Operacional, 99,73% de disponibilidade nos últimos 90 dias',
      dashboard: 'Interrupção parcial',
      page: 'Pequena interrupção do serviço',
    },
    es: {
      uptime: 'Operativo · 99,73\u00a0%',
      spoken: 'API: Operativo, 99,73\u00a0% de disponibilidad en los últimos 90 días',
      dashboard: 'Interrupción parcial',
      page: 'Interrupción leve del servicio',
    },
    ru: {
      uptime: 'Работает · 99,73\u00a0%',
      spoken: 'API: Работает, доступность 99,73\u00a0% за последние 90 дней',
      dashboard: 'Частичный сбой',
      page: 'Незначительный сбой',
    },
    de: {
      uptime: 'Betriebsbereit · 99,73\u00a0%',
      spoken: 'API: Betriebsbereit, 99,73\u00a0% Verfügbarkeit in den letzten 90 Tagen',
      dashboard: 'Teilausfall',
      page: 'Kleinere Dienststörung',
    },
    fr: {
      uptime: 'Opérationnel · 99,73\u00a0%',
      spoken: 'API : Opérationnel, 99,73\u00a0% de disponibilité sur les 90 derniers jours',
      dashboard: 'Panne partielle',
      page: 'Panne mineure du service',
    },
    ar: {
      uptime: 'يعمل بشكل طبيعي · 99.73\u200e%\u200e',
      spoken: 'API: يعمل بشكل طبيعي، مدة التشغيل 99.73\u200e%\u200e خلال آخر 90 يومًا',
      dashboard: 'انقطاع جزئي',
      page: 'انقطاع طفيف في الخدمة',
    },
    ja: {
      uptime: '稼働中 · 99.73%',
      spoken: 'API：稼働中、過去 90 日間の稼働率 99.73%',
      dashboard: '部分的な障害',
      page: 'サービスに軽微な障害が発生しています',
    },
  };

  for (const [locale, words] of Object.entries(seen) as [Locale, (typeof seen)[Locale]][]) {
    it(`says the page's words in ${locale} with ?lang=${locale}`, async () => {
      const api = await badge(`/badge.svg?component=${s.api.id}&uptime=90d&lang=${locale}`);
      assert.deepEqual(api.texts, ['API', words.uptime]);
      assert.equal(api.ariaLabel, words.spoken);
      assert.equal(api.title, words.spoken);
      assert.equal(api.lang, locale);
      assert.deepEqual((await badge(`/badge.svg?component=${s.dashboard.id}&lang=${locale}`)).texts, ['Dashboard', words.dashboard]);
      assert.deepEqual((await badge(`/badge.svg?lang=${locale}`)).texts, ['Test Page', words.page]);
    });
  }

  it("names a component as the operator translated it for the badge's language, and as written otherwise", async () => {
    await updateComponent(app.appCtx, s.dashboard.id, { translations: { 'pt-BR': { name: 'Painel' } } });
    try {
      assert.equal((await badge(`/badge.svg?component=${s.dashboard.id}&lang=pt-BR`)).texts[0], 'Painel');
      assert.equal((await badge(`/badge.svg?component=${s.dashboard.id}&lang=de`)).texts[0], 'Dashboard');
    } finally {
      await updateComponent(app.appCtx, s.dashboard.id, { translations: { 'pt-BR': { name: '' } } });
    }
  });

  it('counts days in the plural forms of each language, and says when there is no data', async () => {
    // A group's figure comes from its showcased members; the CDN does not show its uptime.
    const edge = await createComponentGroup(app.appCtx, { name: 'Edge', componentIds: [s.cdn.id] });
    const none = await badge(`/badge.svg?component=${edge.id}&uptime=30d&lang=ru`);
    assert.deepEqual(none.texts, ['Edge', 'Технические работы · Нет данных']);
    assert.equal(none.ariaLabel, 'Edge: Технические работы, нет данных о доступности за последние 30 дней');
    const inEnglish = await badge(`/badge.svg?component=${edge.id}&uptime=60d`);
    assert.equal(inEnglish.ariaLabel, 'Edge: Under maintenance, no uptime data over the last 60 days');
  });

  it('reads Arabic right to left: the message runs rtl and the label half sits on the right', async () => {
    const ar = await badge(`/badge.svg?component=${s.api.id}&uptime=90d&lang=ar`);
    assert.equal(ar.lang, 'ar');
    // The label is the operator's "API", Latin, so it keeps its own direction.
    assert.deepEqual(ar.directions, ['', 'rtl embed']);
    const [labelX, messageX] = ar.xs;
    assert.equal(messageX, 0);
    assert.ok(labelX! > 0 && labelX! < ar.width);
    const en = await badge(`/badge.svg?component=${s.api.id}&uptime=90d&lang=en`);
    assert.deepEqual(en.directions, ['', '']);
    assert.deepEqual(en.xs[1]! > 0 && en.xs[0] === 0, true);
    // An Arabic name on an English badge runs right to left on its own.
    const named = parseBadge(renderBadge({ label: 'واجهة البرمجة', message: 'Operational', tone: 'operational' }));
    assert.deepEqual(named.directions, ['rtl embed', '']);
  });

  it('sizes other scripts to fit: accents as their letter, marks take no room, CJK fills the em', () => {
    assert.equal(textWidth('Opérationnel'), textWidth('Operationnel'));
    assert.equal(textWidth('آخر 90 يومًا'), textWidth('آخر 90 يوما'));
    assert.equal(textWidth('99.73\u200e%\u200e'), textWidth('99.73%'));
    assert.equal(textWidth('稼働中'), 33);
    assert.ok(textWidth('Работает') > textWidth('Работа'));
    for (const locale of Object.keys(seen) as Locale[]) {
      const parsed = parseBadge(renderBadge({ label: 'API', message: seen[locale].page, tone: 'degraded' }));
      assert.ok(parsed.width >= textWidth('API') + textWidth(seen[locale].page) + 20, locale);
    }
  });

  it("speaks the page's default language without ?lang=, whatever the browser asks", async () => {
    await updatePageSettings(app.appCtx, { defaultLocale: 'de' });
    const plain = await get('/badge.svg', { 'accept-language': 'fr' });
    assert.deepEqual(parseBadge(plain.body).texts, ['Test Page', 'Kleinere Dienststörung']);
    assert.equal(plain.headers.vary?.toString().toLowerCase().includes('accept-language') ?? false, false);
    // Any case names the language, and `locale`, the page's name for it, works too.
    assert.deepEqual((await badge('/badge.svg?lang=pt-br')).texts, ['Test Page', 'Pequena interrupção do serviço']);
    assert.deepEqual((await badge('/badge.svg?locale=fr')).texts, ['Test Page', 'Panne mineure du service']);
    await updatePageSettings(app.appCtx, { defaultLocale: 'en' });
  });

  it('refuses a language it does not write or the page is not published in, as it refuses any bad option', async () => {
    const refusal = await get('/badge.svg?uptime=7y');
    for (const url of [
      '/badge.svg?lang=xx',
      '/badge.svg?lang=pt-PT',
      `/badge.svg?component=${s.api.id}&lang=`,
      '/badge.svg?lang=de&locale=fr',
    ]) {
      const response = await get(url);
      assert.equal(response.statusCode, 400, url);
      assert.equal(response.headers['content-type'], refusal.headers['content-type'], url);
    }
    await updatePageSettings(app.appCtx, { locales: ['en', 'de'] });
    const unpublished = await get('/badge.svg?lang=ja');
    assert.equal(unpublished.statusCode, 400);
    assert.equal(unpublished.headers['content-type'], refusal.headers['content-type']);
    assert.deepEqual((await badge('/badge.svg?lang=de')).texts, ['Test Page', 'Kleinere Dienststörung']);
  });
});
