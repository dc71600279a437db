import type { FastifyInstance, FastifyReply } from 'fastify';
import { z } from 'zod';
import type { AppDeps } from '../../app-deps.ts';
import {
  addSubscriber,
  countSubscribers,
  getSubscriber,
  listSubscribers,
  reactivateSubscribers,
  removeSubscriber,
  resendConfirmation,
  resendConfirmations,
  setSubscriberComponents,
  unsubscribeSubscribers,
  channels,
  type Subscriber,
} from '../../modules/subscribers/index.ts';
import { AppError } from '../../shared/errors.ts';
import { pageWindow } from './pagination.ts';
import { route, type V1Handler } from './route.ts';
import { requireAdminScope } from '../v1/api-key-auth.ts';
import { readRoot } from './request-schemas.ts';

const iso = (d: Date | null) => (d === null ? null : d.toISOString());

/** Statuspage's subscriber object; `mode` is the channel. */
export function presentSubscriber(s: Subscriber) {
  return {
    id: s.id,
    mode: s.channel,
    email: s.channel === 'email' ? s.address : s.notifyEmail,
    endpoint: s.channel === 'email' ? null : s.address,
    phone_number: null,
    phone_country: null,
    display_phone_number: null,
    obfuscated_channel_name: null,
    workspace_name: null,
    skip_confirmation_notification:
      s.state !== 'unconfirmed' && s.channel === 'email' && s.confirmedAt?.getTime() === s.createdAt.getTime(),
    state: s.state,
    quarantined_at: iso(s.quarantinedAt),
    purge_at: iso(s.purgeAt),
    components: s.componentIds,
    incident_id: s.incidentId,
    page_access_user_id: null,
    created_at: iso(s.createdAt),
  };
}

const newSubscriber = z.object({
  email: z.string().optional(),
  endpoint: z.string().optional(),
  mode: z.enum(['email', 'webhook', 'slack', 'discord', 'teams']).optional(),
  component_ids: z.array(z.string()).optional(),
  skip_confirmation_notification: z.preprocess((v) => v === 'true' || v === true, z.boolean()).optional(),
  locale: z.string().optional(),
});
const listQuery = z.object({
  q: z.string().optional(),
  type: z.enum(['email', 'webhook', 'slack', 'discord', 'teams', 'sms', 'integration_partner']).optional(),
  state: z.enum(['active', 'unconfirmed', 'quarantined', 'unsubscribed', 'all']).default('active'),
});

/** A route that reads or changes subscribers: emails and webhook URLs (which can be secrets) need the admin scope. */
function subscriberRoute(scope: FastifyInstance, method: Parameters<typeof route>[1], path: string, handler: V1Handler): void {
  route(scope, method, path, async (request, reply) => {
    requireAdminScope(request.caller, 'Subscriber data');
    return handler(request, reply);
  });
}

export function registerSubscriberRoutes(scope: FastifyInstance, deps: AppDeps): void {
  subscriberRoute(scope, 'GET', '/pages/:page_id/subscribers', async ({ caller, query }) => {
    const q = listQuery.parse(query);
    const { offset, limit } = pageWindow(query, 'per_page');
    if (q.type === 'sms' || q.type === 'integration_partner') return [];
    const { subscribers } = await listSubscribers(caller.ctx, {
      ...(q.q !== undefined && { q: q.q }),
      ...(q.type !== undefined && { channel: q.type }),
      ...(q.state !== 'all' && { state: q.state }),
      limit,
      offset,
    });
    return subscribers.map(presentSubscriber);
  });

  subscriberRoute(scope, 'POST', '/pages/:page_id/subscribers', async ({ caller, body }, reply: FastifyReply) => {
    const data = readRoot(body, 'subscriber', newSubscriber);
    const channel = data.mode ?? (data.endpoint !== undefined ? 'webhook' : 'email');
    const address = channel === 'email' ? data.email : data.endpoint;
    if (address === undefined)
      throw new AppError('validation_failed', channel === 'email' ? 'subscriber.email: is required' : 'subscriber.endpoint: is required');
    const created = await addSubscriber(
      caller.ctx,
      {
        channel,
        address,
        componentIds: data.component_ids ?? [],
        notifyEmail: channel === 'email' ? null : (data.email ?? null),
        ...(data.locale !== undefined && { locale: data.locale as 'en' }),
        skipConfirmation: data.skip_confirmation_notification === true,
      },
      deps.outbound,
    );
    // Aviso signs webhooks (Statuspage does not); the secret is in the answer that creates one.
    return reply
      .code(201)
      .send({ ...presentSubscriber(created), ...(created.signingSecret !== null && { signing_secret: created.signingSecret }) });
  });

  // Counts name nobody: any key reads them.
  route(scope, 'GET', '/pages/:page_id/subscribers/count', async ({ caller }) => {
    const counts = await countSubscribers(caller.ctx);
    return { count: counts.active };
  });

  // Counts name nobody: any key reads them.
  route(scope, 'GET', '/pages/:page_id/subscribers/histogram_by_state', async ({ caller }) => {
    const histogram: Record<string, unknown> = {};
    for (const channel of channels) histogram[channel] = await countSubscribers(caller.ctx, channel);
    return histogram;
  });

  subscriberRoute(scope, 'POST', '/pages/:page_id/subscribers/resend_confirmation', async ({ caller, body }) => {
    const ids = z.object({ subscribers: z.array(z.string()).min(1).max(100) }).parse(body);
    await resendConfirmations(caller.ctx, ids.subscribers);
    return { message: `Confirmation sent to ${ids.subscribers.length} subscriber(s).` };
  });

  subscriberRoute(scope, 'POST', '/pages/:page_id/subscribers/unsubscribe', async ({ caller, body }) => {
    const ids = z.object({ subscribers: z.array(z.string()).min(1).max(100) }).parse(body);
    await unsubscribeSubscribers(caller.ctx, ids.subscribers);
    return { message: `${ids.subscribers.length} subscriber(s) unsubscribed.` };
  });

  subscriberRoute(scope, 'POST', '/pages/:page_id/subscribers/reactivate', async ({ caller, body }) => {
    const ids = z.object({ subscribers: z.array(z.string()).min(1).max(100) }).parse(body);
    await reactivateSubscribers(caller.ctx, ids.subscribers);
    return { message: `${ids.subscribers.length} subscriber(s) reactivated.` };
  });

  subscriberRoute(scope, 'GET', '/pages/:page_id/subscribers/:subscriber_id', async ({ caller, params }) =>
    presentSubscriber(await getSubscriber(caller.ctx, params.subscriber_id!)),
  );

  subscriberRoute(scope, 'PATCH', '/pages/:page_id/subscribers/:subscriber_id', async ({ caller, params, body }) => {
    const data = z.object({ component_ids: z.array(z.string()) }).parse(body);
    return presentSubscriber(await setSubscriberComponents(caller.ctx, params.subscriber_id!, data.component_ids));
  });

  subscriberRoute(scope, 'DELETE', '/pages/:page_id/subscribers/:subscriber_id', async ({ caller, params }) =>
    presentSubscriber(await removeSubscriber(caller.ctx, params.subscriber_id!)),
  );

  registerIncidentSubscriberRoutes(scope, deps);
}

/** Subscribers to one incident: `/incidents/{incident_id}/subscribers`. */
function registerIncidentSubscriberRoutes(scope: FastifyInstance, deps: AppDeps): void {
  const base = '/pages/:page_id/incidents/:incident_id/subscribers';
  const ofIncident = async (caller: { ctx: Parameters<typeof getSubscriber>[0] }, incidentId: string, id: string) => {
    const subscriber = await getSubscriber(caller.ctx, id);
    if (subscriber.incidentId !== incidentId)
      throw new AppError('subscriber_not_found', `No subscriber of this incident has the id "${id}".`);
    return subscriber;
  };

  subscriberRoute(scope, 'GET', base, async ({ caller, params, query }) => {
    const { offset, limit } = pageWindow(query, 'per_page');
    const { subscribers } = await listSubscribers(caller.ctx, { incidentId: params.incident_id!, state: 'active', limit, offset });
    return subscribers.map(presentSubscriber);
  });

  subscriberRoute(scope, 'POST', base, async ({ caller, params, body }, reply: FastifyReply) => {
    const data = readRoot(body, 'subscriber', newSubscriber);
    if (data.email === undefined) throw new AppError('validation_failed', 'subscriber.email: is required');
    const created = await addSubscriber(
      caller.ctx,
      {
        address: data.email,
        incidentId: params.incident_id!,
        ...(data.locale !== undefined && { locale: data.locale as 'en' }),
        skipConfirmation: data.skip_confirmation_notification === true,
      },
      deps.outbound,
    );
    return reply.code(201).send(presentSubscriber(created));
  });

  subscriberRoute(scope, 'GET', `${base}/:subscriber_id`, async ({ caller, params }) =>
    presentSubscriber(await ofIncident(caller, params.incident_id!, params.subscriber_id!)),
  );

  subscriberRoute(scope, 'DELETE', `${base}/:subscriber_id`, async ({ caller, params }) => {
    await ofIncident(caller, params.incident_id!, params.subscriber_id!);
    return presentSubscriber(await removeSubscriber(caller.ctx, params.subscriber_id!));
  });

  subscriberRoute(scope, 'POST', `${base}/:subscriber_id/resend_confirmation`, async ({ caller, params }) => {
    await ofIncident(caller, params.incident_id!, params.subscriber_id!);
    await resendConfirmation(caller.ctx, params.subscriber_id!);
    return { message: 'Confirmation sent.' };
  });
}
