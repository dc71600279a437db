import type { Ctx } from '../../shared/context.ts';
import type { Db } from '../../storage/database.ts';
import { findComponent, updateComponent, worstStatus, type ComponentStatus } from '../components/index.ts';
import { causeOfSource, type SignalSource } from './signal.ts';
import { deleteAutomation, findAutomation, listSignals, saveAutomation } from './signal-store.ts';

/**
 * Brings a component in line with its signals inside the caller's write(): the worst active
 * signal is its status; with none left it gets back the status automation found, unless someone
 * changed it since automation last did. Returns the status it now has, or null when unchanged.
 */
export async function settleComponent(
  ctx: Ctx,
  tx: Db,
  componentId: string,
  by: { source: SignalSource; sourceId: string },
): Promise<{ from: ComponentStatus; to: ComponentStatus } | null> {
  const component = await findComponent(tx, componentId);
  if (component === undefined || component.isGroup) return null;
  const signals = await listSignals(tx, componentId);
  const automation = await findAutomation(tx, componentId);
  const cause = { cause: causeOfSource[by.source], causeId: by.sourceId };
  const set = async (status: ComponentStatus) => {
    if (status === component.status) return null;
    await updateComponent({ ...ctx, db: tx }, component.id, { status }, cause);
    return { from: component.status, to: status };
  };
  if (signals.length > 0) {
    const worst = worstStatus(signals.map((s) => s.status));
    await saveAutomation(tx, component.id, { baselineStatus: automation?.baselineStatus ?? component.status, appliedStatus: worst });
    return set(worst);
  }
  if (automation === undefined) return null;
  await deleteAutomation(tx, component.id);
  // Someone set another status while automation held it: theirs stays.
  if (component.status !== automation.appliedStatus) return null;
  return set(automation.baselineStatus);
}
