import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ResponseCache, type Rendered } from './cached-response.ts';

const page = (text: string): Rendered => ({ contentType: 'text/html; charset=utf-8', body: `<p>${text}</p>` });

function deferred<T>() {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}

describe('ResponseCache ordering', () => {
  it('never serves an older rendering once a newer one was served, whichever finishes last', async () => {
    let revision = 1;
    const cache = new ResponseCache(() => revision);
    const slow = deferred<Rendered>();
    const older = cache.get('page|en|home', () => slow.promise);
    revision = 2;
    const newer = await cache.get('page|en|home', () => page('revision 2'));
    assert.match(newer.identity.toString(), /revision 2/);
    slow.resolve(page('revision 1'));
    assert.match((await older).identity.toString(), /revision 2/, 'the older rendering finished last: its waiters get the newer copy');
    assert.match((await cache.stale('page|en|home'))?.identity.toString() ?? '', /revision 2/, 'the kept copy is the newer one');
    assert.match((await cache.get('page|en|home', () => page('never'))).identity.toString(), /revision 2/);
  });

  it('keeps a rendering that finished first when it was also the newest', async () => {
    let revision = 1;
    const cache = new ResponseCache(() => revision);
    await cache.get('k', () => page('revision 1'));
    revision = 2;
    const slow = deferred<Rendered>();
    const pending = cache.get('k', () => slow.promise);
    assert.match((await cache.stale('k'))?.identity.toString() ?? '', /revision 1/);
    slow.resolve(page('revision 2'));
    assert.match((await pending).identity.toString(), /revision 2/);
    assert.match((await cache.stale('k'))?.identity.toString() ?? '', /revision 2/);
  });

  it('marks a copy served in place of a failed rendering with the time it was rendered', async () => {
    let revision = 1;
    const cache = new ResponseCache(() => revision);
    const good = await cache.get('k', () => page('kept'));
    assert.equal(good.kept, undefined);
    revision = 2;
    const served = await cache.get('k', () => Promise.reject(new Error('connect ECONNREFUSED')));
    assert.equal(served.kept, true);
    assert.equal(served.renderedAt, good.renderedAt);
  });

  it('renders a key again when its freshness moves, and no other key', async () => {
    const cache = new ResponseCache(() => 7);
    let renders = 0;
    const home = (window: number) => cache.get('page|en|home', () => page(`home ${++renders}`), window);
    const history = () => cache.get('page|en|history|1', () => page(`history ${++renders}`));
    assert.match((await home(1)).identity.toString(), /home 1/);
    assert.match((await history()).identity.toString(), /history 2/);
    assert.match((await home(1)).identity.toString(), /home 1/, 'the same window serves the same copy');
    assert.match((await home(2)).identity.toString(), /home 3/, 'a new window renders the page that depends on it');
    assert.match((await history()).identity.toString(), /history 2/, 'a page without freshness keeps its copy');
  });
});
