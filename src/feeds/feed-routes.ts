import type { App } from '../http/create-app.ts';
import type { AppDeps } from '../app-deps.ts';
import { publicRead } from '../api/v2/public-read.ts';
import { renderAtom } from './atom.ts';
import { loadFeed } from './feed-entries.ts';
import { renderRss } from './rss.ts';

/** `/history.atom` and `/history.rss`, rendered once per data revision. */
export function registerFeedRoutes(app: App, deps: AppDeps): void {
  publicRead(
    app,
    deps,
    '/history.atom',
    () => 'feed:atom',
    async () => ({
      body: renderAtom(await loadFeed(deps.ctx)),
      contentType: 'application/atom+xml; charset=utf-8',
    }),
  );
  publicRead(
    app,
    deps,
    '/history.rss',
    () => 'feed:rss',
    async () => ({
      body: renderRss(await loadFeed(deps.ctx)),
      contentType: 'application/rss+xml; charset=utf-8',
    }),
  );
}
