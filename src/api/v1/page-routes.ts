import { getPage, pageChangesSchema, updatePageSettings } from '../../modules/page/index.ts';
import { callerOf, type ApiScope } from './api-scope.ts';

export function registerPageRoutes(scope: ApiScope): void {
  const tags = ['Page'];
  scope.get('/page', { schema: { tags, summary: 'The page and its settings' } }, async (request) => getPage(callerOf(request).ctx));
  scope.patch(
    '/page',
    { schema: { tags, summary: 'Change the name, URL, time zone, languages or presentation', body: pageChangesSchema } },
    async (request) => updatePageSettings(callerOf(request).ctx, request.body),
  );
}
