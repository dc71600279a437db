import { randomBytes } from 'node:crypto';
import type { Ctx } from '../../shared/context.ts';
import { AppError } from '../../shared/errors.ts';
import { newId } from '../../shared/ids.ts';
import type { Db } from '../../storage/database.ts';
import { writePrivately } from '../../storage/write.ts';
import { listComponents } from '../components/index.ts';
import { findIncident } from '../incidents/index.ts';
import { noticeToSubscriber } from '../../outbox/index.ts';
import { checkEndpoint, type EndpointCheck } from './endpoint-check.ts';
import { addressKey, channels, type Channel, type Subscriber, type SubscriberId } from './subscriber.ts';
import { subscribeSchema, type SubscribeData, type SubscribeInput } from './subscriber-schemas.ts';
import { findSubscriberByKey, saveSubscriber } from './subscriber-store.ts';
import { admitRequest, mayMail } from './subscription-limits.ts';

/**
 * A visitor subscribes from the public page or the API. Email needs the link we send to be
 * followed (double opt-in); the answer is the same whether or not the address was known.
 * A new webhook gets its signing secret back; its endpoint must be public (see checkEndpoint).
 * A channel the instance cannot deliver through (email without SMTP) is refused before anything is
 * stored: the visitor would otherwise wait for a confirmation that never comes.
 */
export async function subscribe(
  ctx: Ctx,
  input: SubscribeInput,
  origin: { ip: string },
  endpoints: EndpointCheck,
  configured: readonly Channel[] = channels,
): Promise<{ signingSecret: string | null }> {
  const data = subscribeSchema.parse(input);
  if (!configured.includes(data.channel))
    throw new AppError(
      'channel_not_configured',
      data.channel === 'email'
        ? 'This page cannot send email (no SMTP server is set up), so it does not take email subscriptions.'
        : `This page cannot send notifications through ${data.channel}.`,
    );
  await checkEndpoint(endpoints, data.channel, data.address);
  return writePrivately(ctx, async (tx) => {
    const now = ctx.clock.now();
    await admitRequest(tx, origin.ip, now);
    await checkScope(tx, data);
    const key = addressKey(data.channel, data.address, data.incidentId);
    const existing = await findSubscriberByKey(tx, key);
    if (existing?.state === 'active') return { signingSecret: null };
    const needsConfirmation = data.channel === 'email';
    const subscriber = buildSubscriber(data, now, existing, needsConfirmation ? 'unconfirmed' : 'active');
    await saveSubscriber(tx, subscriber, key);
    if (needsConfirmation && (await mayMail(tx, data.address, now)))
      await noticeToSubscriber(tx, subscriber.id, 'subscriber.confirmation', now);
    // A webhook's owner needs its secret to check signatures; it is shown once, when it is made.
    return { signingSecret: needsConfirmation ? null : subscriber.signingSecret };
  });
}

/** The subscriber as (re)subscribed: a returning address keeps its id but gets fresh links. */
export function buildSubscriber(data: SubscribeData, now: Date, existing: Subscriber | undefined, state: Subscriber['state']): Subscriber {
  const scope = data.incidentId !== null ? 'incident' : data.componentIds.length > 0 ? 'components' : 'page';
  return {
    id: existing?.id ?? newId<SubscriberId>(),
    channel: data.channel,
    address: data.address.trim(),
    scope,
    incidentId: data.incidentId,
    componentIds: scope === 'components' ? [...new Set(data.componentIds)].sort() : [],
    state,
    locale: data.locale,
    tokenKey: randomBytes(24).toString('base64url'),
    signingSecret: existing?.signingSecret ?? (data.channel === 'webhook' ? randomBytes(24).toString('base64url') : null),
    notifyEmail: data.notifyEmail,
    failureCount: 0,
    lastFailureAt: null,
    lastError: null,
    confirmedAt: state === 'active' ? now : null,
    quarantinedAt: null,
    purgeAt: null,
    unsubscribedAt: null,
    createdAt: existing?.createdAt ?? now,
    updatedAt: now,
  };
}

/** Component ids must name components (not groups); an incident subscription needs the incident. */
export async function checkScope(tx: Db, data: Pick<SubscribeData, 'componentIds' | 'incidentId'>): Promise<void> {
  if (data.componentIds.length > 0) {
    const known = new Set((await listComponents(tx)).map((c) => c.id as string));
    const unknown = data.componentIds.filter((id) => !known.has(id));
    if (unknown.length > 0) throw new AppError('component_not_found', `No component has the id "${unknown[0]}".`);
  }
  if (data.incidentId !== null) {
    if ((await findIncident(tx, data.incidentId)) === undefined)
      throw new AppError('incident_not_found', `No incident has the id "${data.incidentId}".`);
  }
}

/** The channels an instance can deliver through: email only with an SMTP server (AVISO_SMTP_URL). */
export function configuredChannels(settings: { emailReady: boolean }): Channel[] {
  return channels.filter((channel) => channel !== 'email' || settings.emailReady);
}
