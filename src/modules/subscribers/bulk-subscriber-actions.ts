import type { Ctx } from '../../shared/context.ts';
import { writePrivately } from '../../storage/write.ts';
import { reactivateSubscriber, resendConfirmation, unsubscribeSubscriber } from './admin-subscribers.ts';
import type { Subscriber } from './subscriber.ts';

/** Runs one subscriber action over many subscribers in one transaction: all of them, or (on an unknown id, say) none. */
function forEach(action: (ctx: Ctx, id: string) => Promise<Subscriber>) {
  return (ctx: Ctx, ids: string[]): Promise<Subscriber[]> =>
    writePrivately(ctx, async (tx) => {
      const inTx = { ...ctx, db: tx };
      const done: Subscriber[] = [];
      for (const id of new Set(ids)) done.push(await action(inTx, id));
      return done;
    });
}

/** Statuspage's bulk `resend_confirmation`: each must still be unconfirmed. */
export const resendConfirmations = forEach(resendConfirmation);
/** Statuspage's bulk `unsubscribe`. */
export const unsubscribeSubscribers = forEach(unsubscribeSubscriber);
/** Statuspage's bulk `reactivate`. */
export const reactivateSubscribers = forEach(reactivateSubscriber);
