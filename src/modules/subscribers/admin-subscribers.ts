import type { Ctx } from '../../shared/context.ts';
import { AppError } from '../../shared/errors.ts';
import { writePrivately } from '../../storage/write.ts';
import { recordAudit } from '../audit/index.ts';
import { noticeToSubscriber } from '../../outbox/index.ts';
import { checkEndpoint, type EndpointCheck } from './endpoint-check.ts';
import { buildSubscriber, checkScope } from './subscribe.ts';
import { addressKey, type Channel, type Subscriber } from './subscriber.ts';
import { subscribeSchema, type SubscribeInput } from './subscriber-schemas.ts';
import {
  countSubscribersByState,
  deleteSubscriberRow,
  findSubscriber,
  findSubscriberByKey,
  querySubscribers,
  saveSubscriber,
  type SubscriberFilter,
} from './subscriber-store.ts';

function subscriberNotFound(id: string): AppError {
  return new AppError('subscriber_not_found', `No subscriber has the id "${id}".`);
}

/**
 * A team member adds a subscriber. Email addresses still confirm unless `skipConfirmation`
 * (the operator vouches for them, as Statuspage's `skip_confirmation_notification`); endpoints
 * must be public unless the operator's policy allows their range.
 */
export async function addSubscriber(
  ctx: Ctx,
  input: SubscribeInput & { skipConfirmation?: boolean },
  endpoints: EndpointCheck,
): Promise<Subscriber> {
  const data = subscribeSchema.parse(input);
  await checkEndpoint(endpoints, data.channel, data.address);
  return writePrivately(ctx, async (tx) => {
    const now = ctx.clock.now();
    await checkScope(tx, data);
    const key = addressKey(data.channel, data.address, data.incidentId);
    const existing = await findSubscriberByKey(tx, key);
    if (existing?.state === 'active') throw new AppError('conflict', 'This address is already subscribed.');
    const confirmed = data.channel !== 'email' || input.skipConfirmation === true;
    const subscriber = buildSubscriber(data, now, existing, confirmed ? 'active' : 'unconfirmed');
    await saveSubscriber(tx, subscriber, key);
    if (!confirmed) await noticeToSubscriber(tx, subscriber.id, 'subscriber.confirmation', now);
    await recordAudit(tx, ctx.actor, {
      action: 'subscriber.add',
      entityType: 'subscriber',
      entityId: subscriber.id,
      before: null,
      after: { channel: subscriber.channel, state: subscriber.state },
      at: now,
    });
    return subscriber;
  });
}

export async function getSubscriber(ctx: Pick<Ctx, 'db'>, id: string): Promise<Subscriber> {
  const subscriber = await findSubscriber(ctx.db, id);
  if (subscriber === undefined) throw subscriberNotFound(id);
  return subscriber;
}

export async function removeSubscriber(ctx: Ctx, id: string): Promise<Subscriber> {
  return writePrivately(ctx, async (tx) => {
    const subscriber = await findSubscriber(tx, id);
    if (subscriber === undefined) throw subscriberNotFound(id);
    await deleteSubscriberRow(tx, id);
    await recordAudit(tx, ctx.actor, {
      action: 'subscriber.remove',
      entityType: 'subscriber',
      entityId: id,
      before: { channel: subscriber.channel, state: subscriber.state },
      after: null,
      at: ctx.clock.now(),
    });
    return subscriber;
  });
}

/** Sends the confirmation link again to an unconfirmed address (a team member asked; no daily limit). */
export async function resendConfirmation(ctx: Ctx, id: string): Promise<Subscriber> {
  return writePrivately(ctx, async (tx) => {
    const subscriber = await findSubscriber(tx, id);
    if (subscriber === undefined) throw subscriberNotFound(id);
    if (subscriber.state !== 'unconfirmed') throw new AppError('conflict', 'Only unconfirmed subscribers are sent a confirmation link.');
    await noticeToSubscriber(tx, subscriber.id, 'subscriber.confirmation', ctx.clock.now());
    return subscriber;
  });
}

/** A quarantined or unsubscribed subscriber is made active again by a team member. */
export async function reactivateSubscriber(ctx: Ctx, id: string): Promise<Subscriber> {
  return writePrivately(ctx, async (tx) => {
    const subscriber = await findSubscriber(tx, id);
    if (subscriber === undefined) throw subscriberNotFound(id);
    const now = ctx.clock.now();
    const next: Subscriber = {
      ...subscriber,
      state: 'active',
      quarantinedAt: null,
      purgeAt: null,
      unsubscribedAt: null,
      failureCount: 0,
      lastFailureAt: null,
      updatedAt: now,
    };
    await saveSubscriber(tx, next, addressKey(next.channel, next.address, next.incidentId));
    return next;
  });
}

/** A team member unsubscribes a subscriber (the subscriber's own link does it with `unsubscribe`). Repeating it is harmless. */
export async function unsubscribeSubscriber(ctx: Ctx, id: string): Promise<Subscriber> {
  return writePrivately(ctx, async (tx) => {
    const subscriber = await findSubscriber(tx, id);
    if (subscriber === undefined) throw subscriberNotFound(id);
    if (subscriber.state === 'unsubscribed') return subscriber;
    const now = ctx.clock.now();
    const next: Subscriber = { ...subscriber, state: 'unsubscribed', unsubscribedAt: now, updatedAt: now };
    await saveSubscriber(tx, next, addressKey(next.channel, next.address, next.incidentId));
    await recordAudit(tx, ctx.actor, {
      action: 'subscriber.unsubscribe',
      entityType: 'subscriber',
      entityId: id,
      before: { channel: subscriber.channel, state: subscriber.state },
      after: { channel: next.channel, state: next.state },
      at: now,
    });
    return next;
  });
}

/** Changes what a subscriber follows: the whole page (no components) or chosen components. */
export async function setSubscriberComponents(ctx: Ctx, id: string, componentIds: string[]): Promise<Subscriber> {
  return writePrivately(ctx, async (tx) => {
    const subscriber = await findSubscriber(tx, id);
    if (subscriber === undefined) throw subscriberNotFound(id);
    const unique = [...new Set(componentIds)].sort();
    await checkScope(tx, { componentIds: unique, incidentId: null });
    const next: Subscriber = {
      ...subscriber,
      scope: subscriber.scope === 'incident' ? 'incident' : unique.length > 0 ? 'components' : 'page',
      componentIds: subscriber.scope === 'incident' ? [] : unique,
      updatedAt: ctx.clock.now(),
    };
    await saveSubscriber(tx, next, addressKey(next.channel, next.address, next.incidentId));
    return next;
  });
}

export async function listSubscribers(ctx: Pick<Ctx, 'db'>, filter: SubscriberFilter) {
  return querySubscribers(ctx.db, filter);
}

export async function countSubscribers(ctx: Pick<Ctx, 'db'>, channel?: Channel) {
  return countSubscribersByState(ctx.db, channel);
}
