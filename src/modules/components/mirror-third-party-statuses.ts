import type { Ctx } from '../../shared/context.ts';
import { write } from '../../storage/write.ts';
import type { Db } from '../../storage/database.ts';
import { notifyComponentChange } from '../../outbox/index.ts';
import { recordAudit } from '../audit/index.ts';
import type { Component, ComponentStatus } from './component.ts';
import { listComponents, recordStatusChange, saveComponent } from './component-store.ts';

/** What one poll of a third-party source gave: the statuses of its components by id, or nothing readable. */
export type SourceReading =
  | { readable: true; statuses: ReadonlyMap<string, ComponentStatus> }
  /** Unreadable for long enough that its components are shown as unknown, since `since`. */
  | { readable: false; since: Date };

interface Planned {
  current: Component;
  next: Component;
  status: ComponentStatus | undefined;
}

function plan(components: readonly Component[], sourceUrl: string, reading: SourceReading, now: Date): Planned[] {
  const planned: Planned[] = [];
  for (const current of components) {
    if (current.isGroup || current.thirdParty === null || current.thirdParty.sourceUrl !== sourceUrl) continue;
    const next: Component = { ...current };
    let status: ComponentStatus | undefined;
    const upstream = reading.readable ? reading.statuses.get(current.thirdParty.componentId) : undefined;
    if (upstream === undefined) {
      // Unreadable, or the upstream component is gone: unknown, keeping the last status read.
      if (next.statusUnknownSince === null) next.statusUnknownSince = reading.readable ? now : reading.since;
    } else {
      next.statusUnknownSince = null;
      const held = next.mirrorHeldUntil !== null && next.mirrorHeldUntil.getTime() > now.getTime();
      if (!held) {
        next.mirrorHeldUntil = null;
        if (upstream !== current.status) status = upstream;
      }
    }
    const changed =
      status !== undefined ||
      next.statusUnknownSince?.getTime() !== current.statusUnknownSince?.getTime() ||
      next.mirrorHeldUntil?.getTime() !== current.mirrorHeldUntil?.getTime();
    if (changed) planned.push({ current, next, status });
  }
  return planned;
}

/**
 * Brings the components that mirror `sourceUrl` to what the source says: a changed status is
 * recorded in the history with cause `third_party` (webhooks hear of it, subscribers by email or
 * chat do not); a component the source does not answer for is unknown; a status an operator holds
 * stays until the hold ends. A reading that changes nothing writes nothing (the pages stay cached).
 * Returns how many components changed.
 */
export async function mirrorThirdPartyStatuses(ctx: Ctx, sourceUrl: string, reading: SourceReading): Promise<number> {
  const now = ctx.clock.now();
  if (plan(await listComponents(ctx.db), sourceUrl, reading, now).length === 0) return 0;
  return write(ctx, async (tx: Db) => {
    const planned = plan(await listComponents(tx), sourceUrl, reading, now);
    for (const { current, next, status } of planned) {
      await saveComponent(tx, { ...next, updatedAt: now });
      if (status !== undefined) {
        await recordStatusChange(tx, { componentId: current.id, status, changedAt: now, cause: 'third_party', causeId: sourceUrl }, now);
        await notifyComponentChange(
          tx,
          { componentId: current.id, oldStatus: current.status, newStatus: status, cause: 'third_party' },
          now,
        );
        next.status = status;
      }
      await recordAudit(tx, ctx.actor, {
        action: 'component.mirror',
        entityType: 'component',
        entityId: current.id,
        before: current,
        after: next,
        at: now,
      });
    }
    return planned.length;
  });
}
