import { createHash, randomBytes } from 'node:crypto';
import type { Ctx } from '../../shared/context.ts';
import { newId } from '../../shared/ids.ts';
import { write, writePrivately } from '../../storage/write.ts';
import { enqueue } from '../../jobs/index.ts';
import { recordAudit } from '../audit/index.ts';
import { createMonitorSchema, type CreateMonitorInput, type Monitor } from './monitor.ts';
import { checkComponent, checkPrivatePermission, checkPublicChart, checkTemplate, checkTiming, parseSettings } from './monitor-checks.ts';
import { insertMonitor } from './monitor-store.ts';
import { checkJobKey, checkJobName, nextSlot } from './schedule.ts';
import type { Db } from '../../storage/database.ts';

export const hashPushToken = (token: string) => createHash('sha256').update(token).digest('hex');

/** Enqueues a monitor's next check in its slot; the slot's key makes a second enqueue a no-op. */
export async function scheduleNextCheck(tx: Db, monitor: Pick<Monitor, 'id' | 'intervalSeconds'>, after: Date): Promise<void> {
  const slot = nextSlot(monitor.id, monitor.intervalSeconds, after);
  await enqueue(
    tx,
    {
      name: checkJobName,
      payload: { monitorId: monitor.id, slot: slot.toISOString() },
      runAt: slot,
      idempotencyKey: checkJobKey(monitor.id, slot),
      maxAttempts: 1,
    },
    after,
  );
}

/**
 * Adds a monitor and schedules its first check. A heartbeat gets a secret push token, returned
 * once (only its hash is kept). `mayAllowPrivate`: the caller may let it reach private addresses.
 * A page file gives the id and, for a heartbeat, the hash of the token it already has.
 */
export async function createMonitor(
  ctx: Ctx,
  input: CreateMonitorInput,
  options: { mayAllowPrivate: boolean; id?: string; pushTokenHash?: string | null },
): Promise<{ monitor: Monitor; pushToken: string | null }> {
  const data = createMonitorSchema.parse(input);
  const settings = parseSettings(data.kind, data.settings);
  checkPrivatePermission(data.allowPrivate, options.mayAllowPrivate);
  const now = ctx.clock.now();
  const monitor = { ...data, ...settings, id: options.id ?? newId(), createdAt: now, updatedAt: now } as Monitor;
  checkTiming(monitor);
  checkPublicChart(monitor);
  const kept = monitor.kind === 'heartbeat' ? (options.pushTokenHash ?? null) : null;
  const pushToken = monitor.kind === 'heartbeat' && kept === null ? randomBytes(24).toString('base64url') : null;
  // Visitors see a monitor only through its chart: then the page changes, otherwise nothing they see does.
  await (monitor.publicChart ? write : writePrivately)(ctx, async (tx) => {
    await checkComponent(tx, monitor.componentId);
    await checkTemplate(tx, monitor.incidentTemplateId);
    await insertMonitor(tx, monitor, pushToken === null ? kept : hashPushToken(pushToken));
    if (!monitor.paused) await scheduleNextCheck(tx, monitor, now);
    await recordAudit(tx, ctx.actor, {
      action: 'monitor.create',
      entityType: 'monitor',
      entityId: monitor.id,
      before: null,
      after: monitor,
      at: now,
    });
  });
  return { monitor, pushToken };
}
