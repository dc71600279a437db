import type { Ctx } from '../../shared/context.ts';
import { write } from '../../storage/write.ts';
import type { ComponentStatus } from '../components/index.ts';
import { settleComponent } from './settle-component.ts';
import type { SignalSource } from './signal.ts';
import { deleteSignals, upsertSignal } from './signal-store.ts';

export interface SignalChange {
  componentId: string;
  from: ComponentStatus;
  to: ComponentStatus;
}

/** A source wants a component at a status (a failing monitor, a firing alert); the worst signal wins. */
export async function raiseSignal(
  ctx: Ctx,
  signal: { componentId: string; source: SignalSource; sourceId: string; status: ComponentStatus; summary?: string | null },
): Promise<SignalChange | null> {
  return write(ctx, async (tx) => {
    await upsertSignal(tx, {
      componentId: signal.componentId as never,
      source: signal.source,
      sourceId: signal.sourceId,
      status: signal.status,
      summary: signal.summary ?? null,
      raisedAt: ctx.clock.now(),
    });
    const changed = await settleComponent(ctx, tx, signal.componentId, signal);
    return changed === null ? null : { componentId: signal.componentId, ...changed };
  });
}

/** A source has nothing more to say (recovered, resolved, paused or deleted): its signals go, each component settles. */
export async function clearSignal(
  ctx: Ctx,
  signal: { source: SignalSource; sourceId: string; componentId?: string },
): Promise<SignalChange[]> {
  return write(ctx, async (tx) => {
    const components = await deleteSignals(tx, signal.source, signal.sourceId, signal.componentId);
    const changes: SignalChange[] = [];
    for (const componentId of new Set(components)) {
      const changed = await settleComponent(ctx, tx, componentId, signal);
      if (changed !== null) changes.push({ componentId, ...changed });
    }
    return changes;
  });
}
