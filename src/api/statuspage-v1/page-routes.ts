import type { FastifyInstance } from 'fastify';
import type { AppDeps } from '../../app-deps.ts';
import { getPage, pageChangesSchema, updatePageSettings, type Page, type PageChanges } from '../../modules/page/index.ts';
import { pageBody, readRoot, type PageBody } from './request-schemas.ts';
import { route, type V1Request } from './route.ts';
import { presentPage } from './presenters.ts';

/** Statuspage page fields → Aviso's settings; hosted-only fields (domain, branding, …) are accepted and ignored. */
function toChanges(page: Page, d: PageBody): PageChanges {
  const colours = { ...page.settings.colours };
  const setColour = (key: keyof typeof colours, value: string | null | undefined) => {
    if (value === null) delete colours[key];
    else if (value !== undefined) colours[key] = value;
  };
  setColour('operational', d.css_greens);
  setColour('degraded', d.css_yellows);
  setColour('partial', d.css_oranges);
  setColour('maintenance', d.css_blues);
  setColour('major', d.css_reds);
  setColour('link', d.css_link_color);
  setColour('noData', d.css_no_data);
  const settings = { ...page.settings, colours };
  if (d.support_url === null) delete settings.supportUrl;
  else if (d.support_url !== undefined) settings.supportUrl = d.support_url;
  if (d.twitter_username === null) delete settings.twitterHandle;
  else if (d.twitter_username !== undefined) settings.twitterHandle = d.twitter_username.replace(/^@/, '');
  if (d.allow_page_subscribers !== undefined) settings.allowSubscribers = d.allow_page_subscribers;
  return {
    ...(d.name !== undefined && { name: d.name }),
    ...(d.url !== undefined && { url: d.url }),
    ...(d.time_zone !== undefined && { timeZone: d.time_zone }),
    settings,
  };
}

export function registerPageRoutes(scope: FastifyInstance, deps: AppDeps): void {
  const mailFrom = deps.config.mailFrom;
  route(scope, 'GET', '/pages', async ({ caller }) => [presentPage(await getPage(caller.ctx), mailFrom)]);
  route(scope, 'GET', '/pages/:page_id', async ({ caller }) => presentPage(await getPage(caller.ctx), mailFrom));
  const update = async ({ caller, body }: V1Request) => {
    const data = readRoot(body, 'page', pageBody);
    const page = await getPage(caller.ctx);
    return presentPage(await updatePageSettings(caller.ctx, pageChangesSchema.parse(toChanges(page, data))), mailFrom);
  };
  route(scope, 'PATCH', '/pages/:page_id', update);
  route(scope, 'PUT', '/pages/:page_id', update);
}
