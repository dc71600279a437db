import type { Ctx } from '../../shared/context.ts';
import { AppError } from '../../shared/errors.ts';
import type { Db } from '../../storage/database.ts';
import { write } from '../../storage/write.ts';
import { listReceivers } from '../alerts/index.ts';
import {
  findComponentForUpdate,
  updateComponent,
  type Component,
  type StatusCause,
  type UpdateComponentInput,
} from '../components/index.ts';
import { listMonitorsOfComponent } from '../monitors/index.ts';

/** What else moves a component, in words: its monitors and the alert receivers whose rules map to it. */
async function otherWriters(db: Db, componentId: string): Promise<string[]> {
  const monitors = await listMonitorsOfComponent(db, componentId);
  const receivers = (await listReceivers({ db })).filter((r) => r.rules.some((rule) => rule.componentId === componentId));
  return [...monitors.map((m) => `the monitor "${m.name}"`), ...receivers.map((r) => `a rule of the alert receiver "${r.name}"`)];
}

/**
 * Edits a component as `updateComponent` does, except that making it mirror a third-party status
 * page is refused while a monitor or an alert rule moves it: one component has one writer (the
 * reverse of what monitors and receivers check when they are attached).
 */
export async function updateComponentKeepingOneWriter(
  ctx: Ctx,
  id: string,
  input: UpdateComponentInput,
  cause?: { cause: StatusCause; causeId: string | null },
): Promise<Component> {
  return write(ctx, async (tx) => {
    const mirror = input.thirdParty;
    const current = mirror === undefined || mirror === null ? undefined : await findComponentForUpdate(tx, id);
    if (current !== undefined && current.thirdParty === null) {
      const writers = await otherWriters(tx, id);
      if (writers.length > 0) {
        const who = new Intl.ListFormat('en', { type: 'conjunction' }).format(writers);
        throw new AppError(
          'component_has_writer',
          `"${current.name}" is already moved by ${who}; one component has one writer, so delete or move ${writers.length === 1 ? 'it' : 'them'} before mirroring a third-party page.`,
          [{ path: 'thirdParty', message: `cannot be set while ${who} moves this component` }],
        );
      }
    }
    return updateComponent({ ...ctx, db: tx }, id, input, cause);
  });
}
