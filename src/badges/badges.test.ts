import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { buildScenario, createPublicApp, type PublicApp, type Scenario } from '../../test/support/public-scenario.ts';
import { renderBadge, textWidth } from './badge-svg.ts';

const xml = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@' });

interface ParsedBadge {
  width: number;
  ariaLabel: string;
  role: string;
  title: string;
  texts: string[];
  fills: string[];
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
    texts: texts.map((t) => String(t['#text'])),
    fills: rects.map((r) => r['@fill']!),
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
    assert.equal(badge.ariaLabel, 'Test Page: minor service outage');
    assert.equal(badge.title, 'Test Page: minor service outage');
    assert.deepEqual(badge.texts, ['Test Page', 'minor service outage']);
    assert.equal(badge.fills[1], '#f1c40f');
  });

  it("shows one component's status in its colour", async () => {
    const dashboard = parseBadge((await get(`/badge.svg?component=${s.dashboard.id}`)).body);
    assert.deepEqual(dashboard.texts, ['Dashboard', 'partial outage']);
    assert.equal(dashboard.fills[1], '#bc4c00');
    const cdn = parseBadge((await get(`/badge.svg?component=${s.cdn.id}`)).body);
    assert.deepEqual(cdn.texts, ['CDN', 'under maintenance']);
    assert.equal(cdn.fills[1], '#0969da');
    const login = parseBadge((await get(`/badge.svg?component=${s.login.id}`)).body);
    assert.equal(login.fills[1], '#1a7f37');
    const group = parseBadge((await get(`/badge.svg?component=${s.web.id}`)).body);
    assert.deepEqual(group.texts, ['Web app', 'partial outage']);
  });

  it('adds the uptime figure when asked: 75 minutes of major outage since 1 Nov', async () => {
    // 19.5 days with data; 4,500 s down: 100 − 100 × 4500 / 1,684,800 = 99.7329 → 99.73.
    const api = parseBadge((await get(`/badge.svg?component=${s.api.id}&uptime=90d`)).body);
    assert.deepEqual(api.texts, ['API', 'operational · 99.73%']);
    assert.equal(api.ariaLabel, 'API: operational, 99.73% uptime over the last 90 days');
    const login = parseBadge((await get(`/badge.svg?component=${s.login.id}&uptime=30d`)).body);
    assert.deepEqual(login.texts, ['Login', 'operational · 100%']);
    // A day later with no change: 20.5 days with data, the same 4,500 s: 99.7459 → 99.74.
    app.clock.set('2025-11-21T12:00:00.000Z');
    const later = parseBadge((await get(`/badge.svg?component=${s.api.id}&uptime=90d`)).body);
    assert.deepEqual(later.texts, ['API', 'operational · 99.74%']);
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
