import type { Ctx } from '../../shared/context.ts';
import { AppError } from '../../shared/errors.ts';
import { writePrivately } from '../../storage/write.ts';
import { checkScope } from './subscribe.ts';
import { addressKey, isSameToken, subscriberToken, tokenSubscriberId, type Subscriber, type TokenPurpose } from './subscriber.ts';
import { findSubscriber, saveSubscriber } from './subscriber-store.ts';

const linkInvalid = () =>
  new AppError('link_invalid', 'This link is not valid any more. Subscribe again from the status page to get a new one.');

/** The subscriber a confirm or manage link belongs to; a wrong or outdated link is refused. */
export async function subscriberFromToken(ctx: Pick<Ctx, 'db'>, token: string, purpose: TokenPurpose): Promise<Subscriber> {
  const id = tokenSubscriberId(token);
  const subscriber = id === undefined ? undefined : await findSubscriber(ctx.db, id);
  if (subscriber === undefined || !isSameToken(subscriberToken(subscriber, purpose), token)) throw linkInvalid();
  return subscriber;
}

/** Following the confirmation link turns an unconfirmed address into an active subscriber. */
export async function confirmSubscription(ctx: Ctx, token: string): Promise<Subscriber> {
  return writePrivately(ctx, async (tx) => {
    const subscriber = await subscriberFromToken({ db: tx }, token, 'confirm');
    if (subscriber.state === 'active') return subscriber;
    if (subscriber.state !== 'unconfirmed') throw linkInvalid();
    const now = ctx.clock.now();
    const next: Subscriber = { ...subscriber, state: 'active', confirmedAt: now, updatedAt: now };
    await saveSubscriber(tx, next, addressKey(next.channel, next.address, next.incidentId));
    return next;
  });
}

/** One-click unsubscribe (the link in every message, and RFC 8058's POST). Repeating it is harmless. */
export async function unsubscribe(ctx: Ctx, token: string): Promise<Subscriber> {
  return writePrivately(ctx, async (tx) => {
    const subscriber = await subscriberFromToken({ db: tx }, token, 'manage');
    if (subscriber.state === 'unsubscribed') return subscriber;
    const now = ctx.clock.now();
    const next: Subscriber = { ...subscriber, state: 'unsubscribed', unsubscribedAt: now, updatedAt: now };
    await saveSubscriber(tx, next, addressKey(next.channel, next.address, next.incidentId));
    return next;
  });
}

/** From the manage page: follow the whole page (no components) or the chosen components. */
export async function changeSubscribedComponents(ctx: Ctx, token: string, componentIds: string[]): Promise<Subscriber> {
  return writePrivately(ctx, async (tx) => {
    const subscriber = await subscriberFromToken({ db: tx }, token, 'manage');
    if (subscriber.scope === 'incident')
      throw new AppError('conflict', 'This subscription follows one incident; it has no components to choose.');
    const unique = [...new Set(componentIds)].sort();
    await checkScope(tx, { componentIds: unique, incidentId: null });
    const now = ctx.clock.now();
    const next: Subscriber = { ...subscriber, scope: unique.length > 0 ? 'components' : 'page', componentIds: unique, updatedAt: now };
    await saveSubscriber(tx, next, addressKey(next.channel, next.address, next.incidentId));
    return next;
  });
}
