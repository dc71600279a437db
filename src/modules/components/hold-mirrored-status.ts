import { z } from 'zod';
import type { Ctx } from '../../shared/context.ts';
import { AppError, notFound } from '../../shared/errors.ts';
import { write } from '../../storage/write.ts';
import { notifyComponentChange } from '../../outbox/index.ts';
import { recordAudit } from '../audit/index.ts';
import type { Component } from './component.ts';
import { componentStatusSchema } from './component-schemas.ts';
import { findComponent, recordStatusChange, saveComponent } from './component-store.ts';

export const holdMirroredStatusSchema = z
  .object({
    status: componentStatusSchema,
    /** How long the status is held against the source: a minute to a week. */
    minutes: z
      .number()
      .int()
      .min(1)
      .max(7 * 24 * 60),
  })
  .strict();
export type HoldMirroredStatusInput = z.input<typeof holdMirroredStatusSchema>;

async function findMirror(ctx: Ctx, id: string): Promise<Component> {
  const component = await findComponent(ctx.db, id);
  if (component === undefined) throw notFound('component', id);
  if (component.thirdParty === null || component.isGroup)
    throw new AppError('validation_failed', `"${component.name}" does not mirror a third-party source; set its status instead.`, [
      { path: 'id', message: 'not a third-party component' },
    ]);
  return component;
}

/**
 * An operator's word over the source's for a while ("we know Mailgun is down for us"): the status
 * is set now (cause `manual`) and polls leave it alone until the hold ends; then the source's
 * status returns by itself.
 */
export async function holdMirroredStatus(ctx: Ctx, id: string, input: HoldMirroredStatusInput): Promise<Component> {
  const data = holdMirroredStatusSchema.parse(input);
  return write(ctx, async (tx) => {
    const current = await findMirror({ ...ctx, db: tx }, id);
    const now = ctx.clock.now();
    const next: Component = { ...current, mirrorHeldUntil: new Date(now.getTime() + data.minutes * 60_000), updatedAt: now };
    await saveComponent(tx, next);
    if (data.status !== current.status) {
      await recordStatusChange(tx, { componentId: current.id, status: data.status, changedAt: now, cause: 'manual', causeId: null }, now);
      await notifyComponentChange(tx, { componentId: current.id, oldStatus: current.status, newStatus: data.status, cause: 'manual' }, now);
      next.status = data.status;
    }
    await recordAudit(tx, ctx.actor, {
      action: 'component.hold',
      entityType: 'component',
      entityId: current.id,
      before: current,
      after: next,
      at: now,
    });
    return next;
  });
}

/** Ends a hold at once: the next poll brings the source's status back. */
export async function releaseMirroredStatus(ctx: Ctx, id: string): Promise<Component> {
  return write(ctx, async (tx) => {
    const current = await findMirror({ ...ctx, db: tx }, id);
    const now = ctx.clock.now();
    const next: Component = { ...current, mirrorHeldUntil: null, updatedAt: now };
    await saveComponent(tx, next);
    await recordAudit(tx, ctx.actor, {
      action: 'component.release',
      entityType: 'component',
      entityId: current.id,
      before: current,
      after: next,
      at: now,
    });
    return next;
  });
}
