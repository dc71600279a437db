import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { buildScenario, createPublicApp } from '../../test/support/public-scenario.ts';
import { updatePageSettings } from '../modules/page/index.ts';
import { loadSiteShape, publicUrls, type SiteShape } from './site-urls.ts';

const shape: SiteShape = {
  locales: ['en', 'ru', 'de'],
  defaultLocale: 'en',
  eventIds: ['aaaaaaaaaaaa', 'bbbbbbbbbbbb'],
  componentIds: ['cccccccccccc', 'gggggggggggg'],
  showcasedIds: ['cccccccccccc'],
  historyPages: 2,
  uptimePages: 2,
};

describe('publicUrls', () => {
  const urls = publicUrls(shape);

  it('starts with the page in every language, then the API summary and status', () => {
    assert.deepEqual(urls.slice(0, 5), ['/', '/?locale=ru', '/?locale=de', '/api/v2/summary.json', '/api/v2/status.json']);
  });

  it('names every incident, history page and uptime page in every language', () => {
    for (const id of shape.eventIds)
      for (const suffix of ['', '?locale=ru', '?locale=de']) assert.ok(urls.includes(`/incidents/${id}${suffix}`));
    for (const url of [
      '/history',
      '/history?page=2&locale=ru',
      '/uptime?locale=de',
      '/uptime?page=2',
      '/uptime?component=cccccccccccc&page=2&locale=ru',
    ])
      assert.ok(urls.includes(url), url);
    assert.ok(!urls.includes('/history?page=3'), 'no page past the oldest event');
    assert.ok(
      !urls.some((u) => u.includes('component=gggggggggggg') && u.startsWith('/uptime')),
      'a component not showcased has no uptime page',
    );
  });

  it('names the feeds in every language, the calendar, every badge, the widget and the API in every language', () => {
    for (const url of [
      '/history.atom',
      '/history.rss?locale=ru',
      '/maintenances.ics',
      '/badge.svg',
      '/badge.svg?component=gggggggggggg',
      '/embed.js',
      '/api/v2/incidents/unresolved.json',
      '/api/v2/scheduled-maintenances/upcoming.json?locale=de',
    ])
      assert.ok(urls.includes(url), url);
  });

  it('names each URL once', () => {
    assert.equal(new Set(urls).size, urls.length);
  });
});

describe('the public URLs of a real page', () => {
  it('every one answers 200, pages in the language their URL names', async () => {
    const app = await createPublicApp();
    try {
      await buildScenario(app);
      await updatePageSettings(app.appCtx, { locales: ['en', 'ru', 'pt-BR'] });
      const site = await loadSiteShape(app.appCtx, app.clock.now());
      assert.ok(site.locales.length > 1 && site.eventIds.length > 0);
      const urls = publicUrls(site);
      for (const url of urls) {
        const response = await app.aviso.app.inject({ method: 'GET', url });
        assert.equal(response.statusCode, 200, url);
        if (String(response.headers['content-type']).startsWith('text/html')) {
          const locale = new URL(url, 'http://x').searchParams.get('locale') ?? site.defaultLocale;
          assert.match(response.body, new RegExp(`<html lang="${locale}"`), url);
        }
      }
      for (const id of site.eventIds) assert.ok(urls.includes(`/incidents/${id}`));
    } finally {
      await app.close();
    }
  });
});
