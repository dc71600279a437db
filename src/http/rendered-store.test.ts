import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { AppError } from '../shared/errors.ts';
import { silentLogger } from '../shared/logger.ts';
import { prepare, ResponseCache } from './cached-response.ts';
import { RenderedStore } from './rendered-store.ts';

const dirs: string[] = [];
after(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));
function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'aviso-rendered-'));
  dirs.push(dir);
  return dir;
}

const html = (text: string) => ({ contentType: 'text/html; charset=utf-8', body: `<!doctype html><p>${text}</p>`.padEnd(2000, ' ') });

describe('RenderedStore', () => {
  it('gives back a kept page with the same bytes and ETag, and leaves no temp file behind', async () => {
    const dir = tempDir();
    const store = new RenderedStore(dir, silentLogger);
    const page = await prepare({ ...html('All systems operational'), headers: { 'access-control-allow-origin': '*' } });
    store.save('page:/:en', page);
    await store.flush();
    const kept = await new RenderedStore(dir, silentLogger).load('page:/:en');
    assert.ok(kept);
    assert.equal(kept.etag, page.etag);
    assert.deepEqual(kept.identity, page.identity);
    assert.deepEqual(kept.headers, page.headers);
    assert.ok(kept.brotli !== null && kept.gzip !== null);
    assert.deepEqual(
      readdirSync(dir).filter((name) => name.endsWith('.tmp')),
      [],
    );
  });

  it('never writes a private or no-store response to disk', async () => {
    const dir = tempDir();
    const store = new RenderedStore(dir, silentLogger);
    store.save('admin', await prepare({ ...html('secret'), cacheControl: 'private, no-store' }));
    store.save('feed', await prepare({ ...html('feed'), cacheControl: 'no-store' }));
    await store.flush();
    assert.equal(await store.load('admin'), undefined);
    assert.equal(await store.load('feed'), undefined);
  });

  it('forgets copies not rewritten for a week and keeps the others', async () => {
    const dir = tempDir();
    const store = new RenderedStore(dir, silentLogger);
    store.save('page|en|2026-11-01|home', await prepare(html('old day')));
    store.save('public|page-settings', await prepare(html('settings')));
    await store.flush();
    const old = new Date(Date.now() - 8 * 24 * 60 * 60 * 1000);
    const [oldFile] = readdirSync(dir).filter((name) =>
      name.startsWith(createHash('sha256').update('page|en|2026-11-01|home').digest('hex').slice(0, 40)),
    );
    assert.ok(oldFile);
    utimesSync(join(dir, oldFile), old, old);
    assert.equal(await store.prune(7 * 24 * 60 * 60 * 1000), 1);
    assert.equal(await store.load('page|en|2026-11-01|home'), undefined);
    assert.ok(await store.load('public|page-settings'));
  });

  it('ignores a damaged file instead of serving it', async () => {
    const dir = tempDir();
    const store = new RenderedStore(dir, silentLogger);
    store.save('page:/:en', await prepare(html('ok')));
    await store.flush();
    for (const name of readdirSync(dir)) writeFileSync(join(dir, name), '{"key": "page:/:en", "bo');
    assert.equal(await new RenderedStore(dir, silentLogger).load('page:/:en'), undefined);
  });
});

describe('ResponseCache through a failing database', () => {
  it('serves the last good copy when a new revision cannot be rendered', async () => {
    let revision = 1;
    const cache = new ResponseCache(() => revision);
    const good = await cache.get('page:/', () => html('before'));
    revision = 2;
    const served = await cache.get('page:/', () => Promise.reject(new Error('connect ECONNREFUSED')));
    assert.equal(served.etag, good.etag);
    // The failure is not kept: the next request renders again.
    const fresh = await cache.get('page:/', () => html('after'));
    assert.notEqual(fresh.etag, good.etag);
  });

  it('while offline, serves the copy kept on disk without rendering', async () => {
    const dir = tempDir();
    const store = new RenderedStore(dir, silentLogger);
    const warm = new ResponseCache(() => 7, store);
    const good = await warm.get('page:/', () => html('kept'));
    await store.flush();

    const cold = new ResponseCache(() => 0, new RenderedStore(dir, silentLogger));
    cold.setOffline(true);
    const served = await cold.get('page:/', () => {
      throw new Error('must not render while offline');
    });
    assert.equal(served.etag, good.etag);
    await assert.rejects(
      cold.get('page:/other', () => Promise.reject(new Error('no database'))),
      { code: 'database_unavailable' },
    );
  });

  it('drops every copy of a page whose subject is gone, so a deleted incident is not served again', async () => {
    const dir = tempDir();
    const store = new RenderedStore(dir, silentLogger);
    let revision = 1;
    const cache = new ResponseCache(() => revision, store);
    await cache.get('page:/incidents/abc', () => html('incident'));
    await store.flush();
    assert.equal(readdirSync(dir).length, 1);

    revision = 2;
    await assert.rejects(
      cache.get('page:/incidents/abc', () => Promise.reject(new AppError('incident_not_found'))),
      { code: 'incident_not_found' },
    );
    await store.flush();
    assert.equal(readdirSync(dir).length, 0);
    assert.equal(await cache.stale('page:/incidents/abc'), undefined);
  });
});
