import formbody from '@fastify/formbody';
import { refuseNonFormBody } from '../http/input-shape.ts';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { z, ZodError } from 'zod';
import type { AppDeps } from '../app-deps.ts';
import type { App } from '../http/create-app.ts';
import { localeCookie, negotiateLocale } from '../i18n/negotiate-locale.ts';
import { translator } from '../i18n/translate.ts';
import { loadPublicAssets } from '../public-page/assets.ts';
import { listComponentsInOrder } from '../modules/components/index.ts';
import { getPage, type Page } from '../modules/page/index.ts';
import {
  channels as allChannels,
  changeSubscribedComponents,
  configuredChannels,
  confirmSubscription,
  subscribe,
  subscriberFromToken,
  unsubscribe,
} from '../modules/subscribers/index.ts';
import { AppError, isAppError } from '../shared/errors.ts';
import { isLocale, type Locale } from '../shared/locales.ts';
import { webMessage } from './web-messages.ts';
import {
  confirmQuestion,
  managePage,
  messagePage,
  subscribeForm,
  unsubscribeQuestion,
  type ComponentChoice,
  type PageFrame,
  type SubscribeChoice,
} from './subscription-views.tsx';

const htmlType = 'text/html; charset=utf-8';
const tokenParams = z.object({ token: z.string().min(14).max(80) });
const formList = z.preprocess((v): unknown[] => (v === undefined ? [] : Array.isArray(v) ? (v as unknown[]) : [v]), z.array(z.string()));
const addressField = z.string().max(2000).optional();
const scopeField = z.enum(['page', 'components']).optional();
const subscribeFields = z.object({
  channel: z.enum(allChannels).default('email'),
  // One address field per channel (the form shows the chosen one); `address` for clients that post one.
  address: addressField,
  address_email: addressField,
  address_webhook: addressField,
  address_slack: addressField,
  address_discord: addressField,
  address_teams: addressField,
  scope: scopeField,
  component_ids: formList,
  incident_id: z.string().optional(),
  locale: z.string().optional(),
  notify_email: z.string().optional(),
});
const manageFields = z.object({ scope: scopeField, component_ids: formList });

/**
 * The components a form subscribes to: none (the whole page) when "everything" is chosen, whatever
 * boxes are still ticked; `undefined` when "only the components I choose" comes with none ticked.
 * Without `scope` (an older form, a script) ticked boxes mean components.
 */
function chosenComponents(scope: 'page' | 'components' | undefined, ids: string[]): string[] | undefined {
  if (scope === 'page') return [];
  if (scope === 'components' && ids.length === 0) return undefined;
  return ids;
}

function cookieLocale(request: FastifyRequest): string | undefined {
  return new RegExp(`(?:^|;\\s*)${localeCookie}=([^;]+)`).exec(request.headers.cookie ?? '')?.[1];
}

/**
 * The page and the public frame in the visitor's language: `?locale=` (the switcher, which also
 * remembers it in the cookie), then the language the subscription was made in, then the cookie,
 * Accept-Language and the page default. `path` and `keep` are what the switcher asks again.
 */
async function frameFor(
  deps: AppDeps,
  assets: PageFrame['assets'],
  request: FastifyRequest,
  reply: FastifyReply,
  where: { wanted?: string | undefined; path?: string; keep?: Record<string, string> } = {},
): Promise<{ page: Page; frame: PageFrame }> {
  const page = await getPage(deps.ctx);
  const asked = (request.query as { locale?: string } | undefined)?.locale;
  const query = asked ?? where.wanted;
  const negotiated = negotiateLocale({
    query: query !== undefined && isLocale(query) ? query : undefined,
    cookie: cookieLocale(request),
    acceptLanguage: request.headers['accept-language'],
    enabled: page.locales,
    fallback: page.defaultLocale,
  });
  const { locale } = negotiated;
  if (asked !== undefined && negotiated.source === 'query') {
    reply.header('set-cookie', `${localeCookie}=${encodeURIComponent(locale)}; Path=/; Max-Age=31536000; SameSite=Lax`);
  }
  const path = where.path ?? request.url.split('?')[0] ?? '/';
  return {
    page,
    frame: { locale, t: translator(locale), page, assets, path, keep: where.keep ?? {}, now: deps.ctx.clock.now() },
  };
}

async function choices(deps: AppDeps, checked: string[], locale: Locale): Promise<ComponentChoice[]> {
  const components = await listComponentsInOrder(deps.ctx, locale);
  return components.filter((c) => !c.isGroup).map((c) => ({ id: c.id, name: c.name, checked: checked.includes(c.id) }));
}

/** The operator may close subscriptions in the page settings. */
function refuseIfClosed(page: Page): void {
  if (page.settings.allowSubscribers === false) throw new AppError('not_found', 'This page does not take subscriptions.');
}

function sendHtml(reply: FastifyReply, body: string, status = 200) {
  return reply.code(status).header('cache-control', 'no-store').header('referrer-policy', 'no-referrer').type(htmlType).send(body);
}

/** The public subscription pages: subscribe, confirm, manage, and one-click unsubscribe (RFC 8058). */
export function registerSubscriptionPages(app: App, deps: AppDeps): void {
  const channels = configuredChannels({ emailReady: deps.config.smtpUrl !== undefined });
  const emailReady = channels.includes('email');
  const assets = loadPublicAssets().urls;
  app.register(async (scope) => {
    await scope.register(formbody, { bodyLimit: 16 * 1024 });
    scope.addHook('preValidation', async (request) => refuseNonFormBody(request));

    scope.get('/subscriptions/new', async (request, reply) => {
      const incident = (request.query as { incident?: string }).incident;
      const incidentId = incident !== undefined && /^[0-9a-z]{12}$/.test(incident) ? incident : null;
      const keep: Record<string, string> = incidentId === null ? {} : { incident: incidentId };
      const { page, frame } = await frameFor(deps, assets, request, reply, { path: '/subscriptions/new', keep });
      refuseIfClosed(page);
      return sendHtml(reply, subscribeForm(frame, { components: await choices(deps, [], frame.locale), incidentId, channels, emailReady }));
    });

    scope.post('/subscriptions', async (request, reply) => {
      const form = subscribeFields.parse(request.body ?? {});
      const { page, frame } = await frameFor(deps, assets, request, reply, { wanted: form.locale, path: '/subscriptions/new' });
      refuseIfClosed(page);
      const address = (form[`address_${form.channel}`] ?? form.address ?? '').trim();
      const choice: SubscribeChoice = {
        channel: form.channel,
        address,
        notifyEmail: form.notify_email ?? '',
        scope: form.scope ?? (form.component_ids.length > 0 ? 'components' : 'page'),
      };
      const componentIds = chosenComponents(form.scope, form.component_ids);
      const incidentId = form.incident_id ?? null;
      const again = async (problem: string) =>
        sendHtml(
          reply,
          subscribeForm(frame, {
            components: await choices(deps, form.component_ids, frame.locale),
            incidentId,
            channels,
            emailReady,
            choice,
            problem,
          }),
          400,
        );
      if (componentIds === undefined && incidentId === null) return again(webMessage(frame.locale, 'noComponentChosen'));
      const input = {
        channel: form.channel,
        address,
        componentIds: componentIds ?? [],
        incidentId,
        locale: frame.locale,
        notifyEmail: form.notify_email === undefined || form.notify_email.trim() === '' ? null : form.notify_email.trim(),
      };
      let secret: string | null = null;
      try {
        secret = (await subscribe(deps.ctx, input, { ip: request.ip }, deps.outbound, channels)).signingSecret;
      } catch (error) {
        const problem =
          isAppError(error) && error.code === 'channel_not_configured'
            ? webMessage(frame.locale, 'emailUnavailable', { page: frame.page.name })
            : error instanceof ZodError
              ? error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')
              : isAppError(error) && error.status < 500 && error.code !== 'rate_limited'
                ? error.message
                : undefined;
        if (problem === undefined) throw error;
        return again(problem);
      }
      return form.channel === 'email'
        ? sendHtml(reply, messagePage(frame, 'checkEmailTitle', 'checkEmailBody'))
        : sendHtml(
            reply,
            messagePage(
              frame,
              'webhookAddedTitle',
              'webhookAddedBody',
              secret === null ? undefined : (
                <p>
                  {webMessage(frame.locale, 'secretLabel')}: <code>{secret}</code>
                </p>
              ),
            ),
          );
    });

    // GET only asks, as for unsubscribing: a mail scanner that follows the link confirms nothing.
    scope.get('/subscriptions/confirm/:token', async (request, reply) => {
      const { token } = tokenParams.parse(request.params);
      const subscriber = await subscriberFromToken(deps.ctx, token, 'confirm');
      const { frame } = await frameFor(deps, assets, request, reply, { wanted: subscriber.locale });
      if (subscriber.state === 'active') return sendHtml(reply, messagePage(frame, 'confirmedTitle', 'confirmedBody'));
      if (subscriber.state !== 'unconfirmed') throw new AppError('link_invalid');
      return sendHtml(reply, confirmQuestion(frame, token, subscriber.address));
    });

    scope.post('/subscriptions/confirm/:token', async (request, reply) => {
      const { token } = tokenParams.parse(request.params);
      const subscriber = await confirmSubscription(deps.ctx, token);
      const { frame } = await frameFor(deps, assets, request, reply, { wanted: subscriber.locale });
      return sendHtml(reply, messagePage(frame, 'confirmedTitle', 'confirmedBody'));
    });

    scope.get('/subscriptions/manage/:token', async (request, reply) => {
      const { token } = tokenParams.parse(request.params);
      const subscriber = await subscriberFromToken(deps.ctx, token, 'manage');
      if (subscriber.state === 'unsubscribed')
        throw new AppError('link_invalid', 'This subscription has ended. Subscribe again from the status page.');
      const { frame } = await frameFor(deps, assets, request, reply, { wanted: subscriber.locale });
      const saved = (request.query as { saved?: string }).saved === '1';
      return sendHtml(
        reply,
        managePage(frame, {
          token,
          address: subscriber.address,
          components: await choices(deps, subscriber.componentIds, frame.locale),
          saved,
          isIncident: subscriber.scope === 'incident',
        }),
      );
    });

    scope.post('/subscriptions/manage/:token', async (request, reply) => {
      const { token } = tokenParams.parse(request.params);
      const form = manageFields.parse(request.body ?? {});
      const componentIds = chosenComponents(form.scope, form.component_ids);
      if (componentIds === undefined) {
        const subscriber = await subscriberFromToken(deps.ctx, token, 'manage');
        const { frame } = await frameFor(deps, assets, request, reply, { wanted: subscriber.locale });
        const page = managePage(frame, {
          token,
          address: subscriber.address,
          components: await choices(deps, [], frame.locale),
          saved: false,
          isIncident: subscriber.scope === 'incident',
          problem: webMessage(frame.locale, 'noComponentChosen'),
        });
        return sendHtml(reply, page, 400);
      }
      await changeSubscribedComponents(deps.ctx, token, componentIds);
      return reply.code(303).redirect(`/subscriptions/manage/${token}?saved=1`);
    });

    // GET only asks: mail scanners follow links, and a GET must never end a subscription.
    scope.get('/subscriptions/unsubscribe/:token', async (request, reply) => {
      const { token } = tokenParams.parse(request.params);
      const subscriber = await subscriberFromToken(deps.ctx, token, 'manage');
      const { frame } = await frameFor(deps, assets, request, reply, { wanted: subscriber.locale });
      return sendHtml(reply, unsubscribeQuestion(frame, token, subscriber.address));
    });

    // The RFC 8058 one-click POST (body `List-Unsubscribe=One-Click`) and the form button both land here.
    scope.post('/subscriptions/unsubscribe/:token', async (request, reply) => {
      const { token } = tokenParams.parse(request.params);
      const subscriber = await unsubscribe(deps.ctx, token);
      const { frame } = await frameFor(deps, assets, request, reply, { wanted: subscriber.locale });
      return sendHtml(reply, messagePage(frame, 'unsubscribedTitle', 'unsubscribedBody'));
    });
  });
}
