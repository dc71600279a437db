import type { App } from '../http/create-app.ts';
import type { AppDeps } from '../app-deps.ts';
import { publicRead } from '../api/v2/public-read.ts';
import { embedScript } from './embed-script.ts';

/** `/embed.js`: the same bytes until Aviso is upgraded, so browsers may keep it for a day. */
export function registerEmbedRoutes(app: App, deps: AppDeps): void {
  const script = embedScript();
  publicRead(
    app,
    deps,
    '/embed.js',
    () => 'embed:js',
    () => ({
      body: script,
      contentType: 'text/javascript; charset=utf-8',
      cacheControl: 'public, max-age=86400, stale-while-revalidate=604800',
      headers: { 'cross-origin-resource-policy': 'cross-origin' },
    }),
  );
}
