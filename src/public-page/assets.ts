import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { prepareAtStartup, type CachedResponse } from '../http/cached-response.ts';

/** Assets never change under a given URL: the URL carries a hash of the content. */
export const immutableCacheControl = 'public, max-age=31536000, immutable';

export interface PublicAssets {
  /** Hashed URLs, for the views. */
  urls: { css: string; js: string };
  /** Responses by URL, pre-compressed. */
  responses: Map<string, CachedResponse>;
}

function load(file: string, contentType: string): { url: string; response: CachedResponse } {
  const body = readFileSync(new URL(`./public/${file}`, import.meta.url));
  const hash = createHash('sha256').update(body).digest('base64url').slice(0, 10);
  const [name, extension] = file.split('.') as [string, string];
  return {
    url: `/assets/${name}.${hash}.${extension}`,
    response: prepareAtStartup({ body, contentType, cacheControl: immutableCacheControl }),
  };
}

/** Reads the stylesheet and the script once, at start. */
export function loadPublicAssets(): PublicAssets {
  const css = load('status.css', 'text/css; charset=utf-8');
  const js = load('status.js', 'text/javascript; charset=utf-8');
  return {
    urls: { css: css.url, js: js.url },
    responses: new Map([
      [css.url, css.response],
      [js.url, js.response],
    ]),
  };
}
