import { readFileSync } from 'node:fs';
import MarkdownIt from 'markdown-it';
import type { App } from '../http/create-app.ts';
import { prepareAtStartup, sendCached, type CachedResponse } from '../http/cached-response.ts';

/** The documents Aviso serves about itself, from `docs/` (shipped beside `src/` and `dist/`). */
const documents = { webhooks: 'webhooks.md' } as const;

const style = `body{font:16px/1.55 system-ui,sans-serif;max-width:46rem;margin:2rem auto;padding:0 1rem;color:#1f2328}
pre{background:#f6f8fa;padding:.8rem;overflow:auto;border-radius:6px}code{font-size:.9em}
table{border-collapse:collapse}td,th{border:1px solid #d0d7de;padding:.3rem .6rem;text-align:left}`;

function render(file: string): CachedResponse {
  const source = readFileSync(new URL(`../../docs/${file}`, import.meta.url), 'utf8');
  const markdown = new MarkdownIt({ html: false, linkify: false });
  const title = /^# (.+)$/m.exec(source)?.[1] ?? 'Aviso';
  const body = `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>${markdown.utils.escapeHtml(title)} · Aviso</title><style>${style}</style></head><body>${markdown.render(source)}</body></html>`;
  return prepareAtStartup({ body, contentType: 'text/html; charset=utf-8', cacheControl: 'public, max-age=3600' });
}

/** `GET /docs/webhooks`: what webhook payloads' `meta.documentation` links to. */
export function registerDocsPages(app: App): void {
  const rendered = new Map<string, CachedResponse>();
  for (const [name, file] of Object.entries(documents)) {
    app.get(`/docs/${name}`, { schema: { hide: true } }, async (request, reply) => {
      let response = rendered.get(name);
      if (response === undefined) rendered.set(name, (response = render(file)));
      return sendCached(request, reply, response);
    });
  }
}
