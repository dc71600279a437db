import formbody from '@fastify/formbody';
import { refuseNonFormBody } from '../http/input-shape.ts';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { z, ZodError } from 'zod';
import type { AppDeps } from '../app-deps.ts';
import type { App } from '../http/create-app.ts';
import { localeCookie, negotiateLocale } from '../i18n/negotiate-locale.ts';
import { listComponentsInOrder } from '../modules/components/index.ts';
import { getPage, type Page } from '../modules/page/index.ts';
import {
  changeSubscribedComponents,
  configuredChannels,
  confirmSubscription,
  subscribe,
  subscriberFromToken,
  unsubscribe,
} from '../modules/subscribers/index.ts';
import { AppError, isAppError } from '../shared/errors.ts';
import { isLocale } from '../shared/locales.ts';
import { webMessage } from './web-messages.ts';
import {
  confirmQuestion,
  managePage,
  messagePage,
  subscribeForm,
  unsubscribeQuestion,
  type ComponentChoice,
  type PageFrame,
} from './subscription-views.tsx';

const htmlType = 'text/html; charset=utf-8';
const tokenParams = z.object({ token: z.string().min(14).max(80) });
const formList = z.preprocess((v): unknown[] => (v === undefined ? [] : Array.isArray(v) ? (v as unknown[]) : [v]), z.array(z.string()));
const subscribeFields = z.object({
  channel: z.enum(['email', 'webhook']).default('email'),
  address: z.string().default(''),
  component_ids: formList,
  incident_id: z.string().optional(),
  locale: z.string().optional(),
  notify_email: z.string().optional(),
});

function cookieLocale(request: FastifyRequest): string | undefined {
  return new RegExp(`(?:^|;\\s*)${localeCookie}=([^;]+)`).exec(request.headers.cookie ?? '')?.[1];
}

async function frameFor(deps: AppDeps, request: FastifyRequest, wanted?: string): Promise<{ page: Page; frame: PageFrame }> {
  const page = await getPage(deps.ctx);
  const query = (request.query as { locale?: string } | undefined)?.locale ?? wanted;
  const { locale } = negotiateLocale({
    query: query !== undefined && isLocale(query) ? query : undefined,
    cookie: cookieLocale(request),
    acceptLanguage: request.headers['accept-language'],
    enabled: page.locales,
    fallback: page.defaultLocale,
  });
  return { page, frame: { locale, pageName: page.name } };
}

async function choices(deps: AppDeps, checked: string[]): Promise<ComponentChoice[]> {
  const components = await listComponentsInOrder(deps.ctx);
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
  app.register(async (scope) => {
    await scope.register(formbody, { bodyLimit: 16 * 1024 });
    scope.addHook('preValidation', async (request) => refuseNonFormBody(request));

    scope.get('/subscriptions/new', async (request, reply) => {
      const { page, frame } = await frameFor(deps, request);
      refuseIfClosed(page);
      const incident = (request.query as { incident?: string }).incident;
      const incidentId = incident !== undefined && /^[0-9a-z]{12}$/.test(incident) ? incident : null;
      return sendHtml(reply, subscribeForm(frame, { components: await choices(deps, []), incidentId, emailReady }));
    });

    scope.post('/subscriptions', async (request, reply) => {
      const form = subscribeFields.parse(request.body ?? {});
      const { page, frame } = await frameFor(deps, request, form.locale);
      refuseIfClosed(page);
      const input = {
        channel: form.channel,
        address: form.address,
        componentIds: form.component_ids,
        incidentId: form.incident_id ?? null,
        locale: frame.locale,
        notifyEmail: form.notify_email === undefined || form.notify_email.trim() === '' ? null : form.notify_email.trim(),
      };
      let secret: string | null = null;
      try {
        secret = (await subscribe(deps.ctx, input, { ip: request.ip }, deps.outbound, channels)).signingSecret;
      } catch (error) {
        const problem =
          isAppError(error) && error.code === 'channel_not_configured'
            ? webMessage(frame.locale, 'emailUnavailable', { page: frame.pageName })
            : error instanceof ZodError
              ? error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')
              : isAppError(error) && error.status < 500 && error.code !== 'rate_limited'
                ? error.message
                : undefined;
        if (problem === undefined) throw error;
        return sendHtml(
          reply,
          subscribeForm(frame, { components: await choices(deps, form.component_ids), incidentId: input.incidentId, emailReady, problem }),
          400,
        );
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
      const { frame } = await frameFor(deps, request, subscriber.locale);
      if (subscriber.state === 'active') return sendHtml(reply, messagePage(frame, 'confirmedTitle', 'confirmedBody'));
      if (subscriber.state !== 'unconfirmed') throw new AppError('link_invalid');
      return sendHtml(reply, confirmQuestion(frame, token, subscriber.address));
    });

    scope.post('/subscriptions/confirm/:token', async (request, reply) => {
      const { token } = tokenParams.parse(request.params);
      const subscriber = await confirmSubscription(deps.ctx, token);
      const { frame } = await frameFor(deps, request, subscriber.locale);
      return sendHtml(reply, messagePage(frame, 'confirmedTitle', 'confirmedBody'));
    });

    scope.get('/subscriptions/manage/:token', async (request, reply) => {
      const { token } = tokenParams.parse(request.params);
      const subscriber = await subscriberFromToken(deps.ctx, token, 'manage');
      if (subscriber.state === 'unsubscribed')
        throw new AppError('link_invalid', 'This subscription has ended. Subscribe again from the status page.');
      const { frame } = await frameFor(deps, request, subscriber.locale);
      const saved = (request.query as { saved?: string }).saved === '1';
      return sendHtml(
        reply,
        managePage(frame, {
          token,
          address: subscriber.address,
          components: await choices(deps, subscriber.componentIds),
          saved,
          isIncident: subscriber.scope === 'incident',
        }),
      );
    });

    scope.post('/subscriptions/manage/:token', async (request, reply) => {
      const { token } = tokenParams.parse(request.params);
      const form = z.object({ component_ids: formList }).parse(request.body ?? {});
      await changeSubscribedComponents(deps.ctx, token, form.component_ids);
      return reply.code(303).redirect(`/subscriptions/manage/${token}?saved=1`);
    });

    // GET only asks: mail scanners follow links, and a GET must never end a subscription.
    scope.get('/subscriptions/unsubscribe/:token', async (request, reply) => {
      const { token } = tokenParams.parse(request.params);
      const subscriber = await subscriberFromToken(deps.ctx, token, 'manage');
      const { frame } = await frameFor(deps, request, subscriber.locale);
      return sendHtml(reply, unsubscribeQuestion(frame, token, subscriber.address));
    });

    // The RFC 8058 one-click POST (body `List-Unsubscribe=One-Click`) and the form button both land here.
    scope.post('/subscriptions/unsubscribe/:token', async (request, reply) => {
      const { token } = tokenParams.parse(request.params);
      const subscriber = await unsubscribe(deps.ctx, token);
      const { frame } = await frameFor(deps, request, subscriber.locale);
      return sendHtml(reply, messagePage(frame, 'unsubscribedTitle', 'unsubscribedBody'));
    });
  });
}
