import { randomBytes } from 'node:crypto';
import type { Ctx } from '../../shared/context.ts';
import { AppError } from '../../shared/errors.ts';
import { writePrivately } from '../../storage/write.ts';
import { recordAudit } from '../audit/index.ts';
import { hashPushToken } from './create-monitor.ts';
import { loadMonitor } from './monitor-checks.ts';
import { setPushTokenHash } from './monitor-store.ts';

/**
 * Gives a heartbeat a new secret URL, returned once; the old one stops working at once. Its last
 * ping and state stay, so the job has until the end of its grace period to call the new URL.
 */
export async function rotatePushToken(ctx: Ctx, id: string): Promise<string> {
  const token = randomBytes(24).toString('base64url');
  await writePrivately(ctx, async (tx) => {
    const monitor = await loadMonitor(tx, id);
    if (monitor.kind !== 'heartbeat')
      throw new AppError('conflict', `"${monitor.name}" is a ${monitor.kind} monitor; only a heartbeat has a secret URL to replace.`);
    await setPushTokenHash(tx, id, hashPushToken(token));
    // The entry says that the URL changed, never what it is.
    await recordAudit(tx, ctx.actor, {
      action: 'monitor.rotate_token',
      entityType: 'monitor',
      entityId: id,
      before: null,
      after: null,
      at: ctx.clock.now(),
    });
  });
  return token;
}
