import { renderToString } from 'preact-render-to-string';
import type { AppDeps } from '../../app-deps.ts';
import type { App } from '../../http/create-app.ts';
import { screen } from '../admin-screen.tsx';
import { asBody, text } from '../form-values.ts';
import { PreviewContent } from './markdown-body.tsx';

/** The live preview of a Markdown field: the text as visitors will see it, as an HTML fragment. */
export function registerMarkdownRoutes(scope: App, deps: AppDeps): void {
  scope.post('/markdown/preview', async (request, reply) => {
    const s = await screen(deps, request, 'post_incidents');
    const source = text(asBody(request.body), 'source');
    return reply
      .type('text/html; charset=utf-8')
      .header('cache-control', 'no-store')
      .send(renderToString(<PreviewContent source={source} nothing={s.t('admin.nothingWritten')} />));
  });
}
