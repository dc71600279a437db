import type { Ctx } from '../../shared/context.ts';
import { AppError } from '../../shared/errors.ts';
import { writePrivately } from '../../storage/write.ts';
import { hashPushToken } from './create-monitor.ts';
import { findMonitorByPushToken, recordPing } from './monitor-store.ts';

export interface RecordedHeartbeat {
  /** A paused heartbeat still takes the ping, so resuming it starts from the last one that arrived. */
  paused: boolean;
}

/** A cron job or a backup script called its heartbeat's secret URL. Unknown tokens are a 404, as if the URL did not exist. */
export async function recordHeartbeat(ctx: Ctx, token: string): Promise<RecordedHeartbeat> {
  if (!/^[A-Za-z0-9_-]{20,64}$/.test(token)) throw new AppError('not_found', 'No heartbeat has this address.');
  return writePrivately(ctx, async (tx) => {
    const monitor = await findMonitorByPushToken(tx, hashPushToken(token));
    if (monitor === undefined || monitor.kind !== 'heartbeat') throw new AppError('not_found', 'No heartbeat has this address.');
    await recordPing(tx, monitor.id, ctx.clock.now());
    return { paused: monitor.paused };
  });
}
