import { createHash } from 'node:crypto';

/**
 * Each monitor checks in fixed slots: `offset + k × interval`, the offset drawn from its id, so
 * monitors with one interval spread over it instead of firing in the same second. A slot is the
 * idempotency key of its job, which is what makes a check run once per interval across instances.
 */
export function slotOffsetMs(monitorId: string, intervalMs: number): number {
  return createHash('sha256').update(monitorId).digest().readUInt32BE(0) % intervalMs;
}

/** The first slot strictly after `after`. */
export function nextSlot(monitorId: string, intervalSeconds: number, after: Date): Date {
  const interval = intervalSeconds * 1000;
  const offset = slotOffsetMs(monitorId, interval);
  const k = Math.floor((after.getTime() - offset) / interval) + 1;
  return new Date(offset + k * interval);
}

export const checkJobName = 'monitors.check';

export function checkJobKey(monitorId: string, slot: Date): string {
  return `${checkJobName}:${monitorId}@${slot.toISOString()}`;
}
