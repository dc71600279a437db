import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { startNginx } from '../../test/support/nginx.ts';
import { buildScenario, createPublicApp } from '../../test/support/public-scenario.ts';
import { updatePageSettings } from '../modules/page/index.ts';
import { exportStaticSite } from './export-static.ts';

/** Every page reachable from `/` by links (href and src on the same origin), with its status. */
async function crawl(baseUrl: string): Promise<Map<string, { status: number; body: string }>> {
  const found = new Map<string, { status: number; body: string }>();
  const queue = ['/'];
  while (queue.length > 0) {
    const path = queue.shift() as string;
    if (found.has(path)) continue;
    const response = await fetch(baseUrl + path);
    const body = await response.text();
    found.set(path, { status: response.status, body });
    if (!String(response.headers.get('content-type')).startsWith('text/html')) continue;
    for (const [, link] of body.matchAll(/\b(?:href|src)="([^"#]*)/g)) {
      const value = (link as string).replace(/&amp;/g, '&');
      if (value.startsWith('/') && !value.startsWith('//') && !found.has(value)) queue.push(value);
    }
  }
  return found;
}

describe('export-static', () => {
  it('writes a site nginx serves with every link working, every language under its own path', async () => {
    const app = await createPublicApp();
    const dir = mkdtempSync(join(tmpdir(), 'aviso-export-'));
    let nginx: Awaited<ReturnType<typeof startNginx>> | undefined;
    try {
      const scenario = await buildScenario(app);
      await updatePageSettings(app.appCtx, { locales: ['en', 'ru', 'pt-BR'] });
      const site = join(dir, 'site');
      // A previous export is replaced as a whole.
      writeFileSync(join(dir, 'placeholder'), '');
      await exportStaticSite({ app: app.aviso.app, ctx: app.appCtx, dir: site, publicUrl: 'http://127.0.0.1' });
      const second = await exportStaticSite({ app: app.aviso.app, ctx: app.appCtx, dir: site, publicUrl: 'http://127.0.0.1' });
      assert.deepEqual(second.missing, []);
      assert.deepEqual(readdirSync(dir).sort(), ['placeholder', 'site'], 'no staging or old directory is left beside the export');

      nginx = await startNginx(site);
      const pages = await crawl(nginx.baseUrl);
      const broken = [...pages].filter(([, page]) => page.status !== 200).map(([path, page]) => `${path} ${page.status}`);
      assert.deepEqual(broken, []);
      for (const event of [scenario.activeIncident, scenario.pastIncident, scenario.upcomingMaintenance])
        for (const prefix of ['', '/ru', '/pt-BR']) assert.ok(pages.has(`${prefix}/incidents/${event.id}/`), `${prefix} ${event.name}`);
      assert.match(pages.get('/ru/')?.body ?? '', /<html lang="ru"/);
      assert.match(pages.get('/pt-BR/history/')?.body ?? '', /<html lang="pt-BR"/);
      assert.ok(pages.has('/ru/history.atom') && pages.has('/history.rss'), 'the feeds in each language');

      for (const path of ['/api/v2/summary.json', '/api/v2/incidents/unresolved.json', '/ru/api/v2/status.json']) {
        const response: Response = await fetch(nginx.baseUrl + path);
        assert.equal(response.status, 200, path);
        assert.equal(response.headers.get('content-type'), 'application/json', path);
        assert.ok(((await response.json()) as { page?: unknown }).page, path);
      }
      for (const path of ['/maintenances.ics', '/embed.js', `/badges/${scenario.api.id}.svg`, '/badge.svg']) {
        assert.equal((await fetch(nginx.baseUrl + path)).status, 200, path);
      }
    } finally {
      await nginx?.stop();
      await app.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
