import type { AppDeps } from '../../app-deps.ts';
import type { App } from '../../http/create-app.ts';
import { screen, show } from '../admin-screen.tsx';

/** Incident templates. */
export function registerTemplateRoutes(scope: App, deps: AppDeps): void {
  scope.get('/templates', async (request, reply) => {
    const s = await screen(deps, request);
    return show(reply, s, 'Templates', 'templates', <h1>Templates</h1>);
  });
}
