/**
 * The whole public site from the last good copy: an instance renders every public URL in the
 * background (not only what visitors asked), and an instance started afresh while PostgreSQL is
 * stopped serves all of them from disk, each page in its language with a "last updated" note.
 * Run with `npm run test:fault` (it stops a database server of its own).
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { queryIncidents } from '../../src/modules/incidents/index.ts';
import { listPublicUrls } from '../../src/public-page/site-urls.ts';
import { openDatabase } from '../../src/storage/database.ts';
import { runAviso } from '../support/cli.ts';
import { startPrivatePostgres } from '../support/private-postgres.ts';
import { assertBuilt, startServerProcess, type ServerProcess } from '../support/server-process.ts';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const locales = ['en', 'ru', 'de'];

/** A page in three languages with incidents this month and four months ago (two history pages). */
function pageFile(now: Date): string {
  const day = (daysAgo: number, hour: number) => new Date(now.getTime() - daysAgo * 86_400_000 + hour * 3_600_000).toISOString();
  const incident = (id: string, name: string, daysAgo: number, component: string) => `  - id: ${id}
    name: ${name}
    started_at: ${day(daysAgo, -2)}
    components: [${component}]
    updates:
      - status: resolved
        display_at: ${day(daysAgo, -1)}
        body: Fixed.
      - status: investigating
        display_at: ${day(daysAgo, -2)}
        body: Looking into it.
`;
  return `version: 1
page:
  name: Kept
  url: https://status.example.com
  time_zone: Etc/UTC
  default_locale: en
  locales: [${locales.join(', ')}]
components:
  - id: aaaaaaaaaaa1
    name: API
    start_date: ${day(130, 0).slice(0, 10)}
  - id: aaaaaaaaaaa2
    name: Dashboard
    start_date: ${day(130, 0).slice(0, 10)}
incidents:
${incident('iiiiiiiiiii1', 'API errors', 1, 'aaaaaaaaaaa1')}${incident('iiiiiiiiiii2', 'Slow dashboard', 3, 'aaaaaaaaaaa2')}${incident('iiiiiiiiiii3', 'Old outage', 125, 'aaaaaaaaaaa1')}`;
}

async function waitForLog(server: ServerProcess, text: string, timeoutMs: number): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!server.output().includes(text)) {
    if (Date.now() > until) throw new Error(`no "${text}" in ${timeoutMs} ms:\n${server.output().slice(-3000)}`);
    await sleep(100);
  }
}

test(
  'an instance started afresh without PostgreSQL serves every public URL in every language from its kept copy',
  { timeout: 240_000 },
  async (t) => {
    assertBuilt();
    const postgres = await startPrivatePostgres();
    const dir = mkdtempSync(join(tmpdir(), 'aviso-kept-'));
    const servers: ServerProcess[] = [];
    try {
      const env = { DATABASE_URL: postgres.url, AVISO_DATA_DIR: join(dir, 'data'), AVISO_EXAMPLE: 'none', AVISO_ACCESS_LOG: 'errors' };
      writeFileSync(join(dir, 'page.yaml'), pageFile(new Date()));
      const applied = await runAviso(env, 'apply', join(dir, 'page.yaml'));
      assert.equal(applied.code, 0, applied.stderr);

      // What the site holds, read from the database: every URL, and every incident.
      const database = openDatabase({ kind: 'postgres', url: postgres.url });
      const urls = await listPublicUrls({ db: database.db }, new Date());
      const incidents = await queryIncidents({ db: database.db });
      await database.close();
      assert.equal(incidents.length, 3);

      // A serves, nobody visits it: the background pass alone renders the site.
      const a = await startServerProcess(env);
      servers.push(a);
      await waitForLog(a, 'the whole public site is rendered and kept', 120_000);
      a.child.kill('SIGTERM');
      await a.exited;
      await postgres.stopHard();

      const c = await startServerProcess(env);
      servers.push(c);
      const failures: string[] = [];
      for (const url of urls) {
        const response = await fetch(c.baseUrl + url);
        const body = await response.text();
        if (response.status !== 200) failures.push(`${url} ${response.status}`);
        else if (response.headers.get('x-aviso-last-updated') === null) failures.push(`${url} without its last-updated header`);
        if (String(response.headers.get('content-type')).startsWith('text/html')) {
          const locale = new URL(url, c.baseUrl).searchParams.get('locale') ?? 'en';
          if (!body.includes(`<html lang="${locale}"`)) failures.push(`${url} not in ${locale}`);
          if (!body.includes('class="kept-copy"')) failures.push(`${url} without its last-updated note`);
        }
      }
      assert.deepEqual(failures, []);
      for (const incident of incidents)
        for (const locale of locales) {
          const url = `/incidents/${incident.id}${locale === 'en' ? '' : `?locale=${locale}`}`;
          assert.ok(urls.includes(url), url);
        }
      for (const url of ['/history.atom', '/history.rss?locale=ru', '/history?page=2&locale=de']) assert.ok(urls.includes(url), url);
      const ru = await (await fetch(`${c.baseUrl}/?locale=ru`)).text();
      assert.match(ru, /Сейчас не удалось обновить эту страницу/);
      t.diagnostic(`${urls.length} public URLs served from the kept copy with PostgreSQL stopped`);
    } finally {
      for (const server of servers) server.child.kill('SIGTERM');
      await Promise.all(servers.map((server) => server.exited));
      await postgres.destroy();
      rmSync(dir, { recursive: true, force: true });
    }
  },
);
