import type { App } from '../http/create-app.ts';
import { sendCached } from '../http/cached-response.ts';
import type { AppDeps } from '../app-deps.ts';
import { listComponentsInOrder, overallStatus } from '../modules/components/index.ts';
import { getPage } from '../modules/page/index.ts';

const escape = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** The public status page. */
export function registerPublicPage(app: App, deps: AppDeps): void {
  app.get('/', async (request, reply) => {
    const response = await deps.cache.get('page:/', async () => {
      const page = await getPage(deps.ctx);
      const components = await listComponentsInOrder(deps.ctx);
      const overall = overallStatus(components.filter((c) => !c.isGroup).map((c) => c.status));
      const items = components
        .map((c) => `<li${c.groupId ? ' class="child"' : ''}>${escape(c.name)} — <span class="status-${c.status}">${c.status.replace(/_/g, ' ')}</span></li>`)
        .join('');
      return {
        contentType: 'text/html; charset=utf-8',
        body: `<!doctype html><html lang="${page.defaultLocale}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escape(page.name)} Status</title></head><body><h1>${escape(page.name)}</h1><p class="overall">${overall.description}</p><ul>${items}</ul></body></html>`,
      };
    });
    return sendCached(request, reply, response);
  });
}
