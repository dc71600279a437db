import type { Ctx } from '../../shared/context.ts';
import { AppError, invalid } from '../../shared/errors.ts';
import { write } from '../../storage/write.ts';
import { listComponents } from '../components/index.ts';
import { clearSignal, listSignals, raiseSignal } from '../signals/index.ts';
import { automateAlertIncident } from './automate-incident.ts';
import { readAlerts, type PayloadFormat } from './alert-payloads.ts';
import { hashReceiverToken, targetsOf } from './receiver.ts';
import { newId } from '../../shared/ids.ts';
import { findReceiverByTokenHash, insertReceipts, keptReceipts, type AlertReceipt } from './receiver-store.ts';

export interface ReceivedAlerts {
  format: PayloadFormat;
  /** Alerts in the body. */
  received: number;
  /** Firing alerts that moved (or hold) at least one component. */
  firing: number;
  resolved: number;
  /** Firing alerts no rule matched: nothing changed for them. */
  unmatched: number;
}

const notFoundHere = () => new AppError('not_found', 'No alert receiver has this address.');

/**
 * A tool posted alerts to a receiver's secret URL. Each firing alert raises a signal (keyed by
 * receiver and fingerprint, so repeats and regroupings change nothing) on every component its
 * rules map it to; a resolved one clears its signals. The whole body applies in one transaction,
 * or, when any part of it is invalid, not at all.
 */
export async function receiveAlerts(ctx: Ctx, token: string, body: unknown): Promise<ReceivedAlerts> {
  if (!/^[A-Za-z0-9_-]{20,64}$/.test(token)) throw notFoundHere();
  const receiver = await findReceiverByTokenHash(ctx.db, hashReceiverToken(token));
  if (receiver === undefined) throw notFoundHere();
  const { format, alerts } = readAlerts(body);
  const result: ReceivedAlerts = { format, received: alerts.length, firing: 0, resolved: 0, unmatched: 0 };
  const actor = { kind: 'system' as const, id: receiver.id, name: `Alert receiver “${receiver.name}”` };

  await write(ctx, async (tx) => {
    const txCtx = { ...ctx, actor, db: tx };
    const components = await listComponents(tx);
    // Components whose alerts changed, with the latest summary: their automatic incidents follow.
    const touched = new Map<string, string | null>();
    const receipts: (AlertReceipt & { id: string })[] = [];
    const now = ctx.clock.now();
    for (const [index, alert] of alerts.entries()) {
      const sourceId = `${receiver.id}:${alert.fingerprint}`;
      const receipt = {
        id: newId(),
        receivedAt: now,
        format,
        fingerprint: alert.fingerprint,
        firing: alert.firing,
        summary: alert.summary,
        labels: alert.labels,
        componentIds: [] as string[],
      };
      receipts.push(receipt);
      if (!alert.firing) {
        for (const signal of await listSignals(tx))
          if (signal.source === 'receiver' && signal.sourceId === sourceId) touched.set(signal.componentId, alert.summary);
        await clearSignal(txCtx, { source: 'receiver', sourceId });
        result.resolved++;
        continue;
      }
      const targets = targetsOf(receiver.rules, alert);
      if (alert.component !== null) {
        const named = components.find((c) => c.id === alert.component) ?? components.find((c) => c.name === alert.component);
        if (named === undefined || named.isGroup)
          throw invalid(`No component is called "${alert.component}".`, [
            { path: `alerts.${index}.component`, message: 'must be the id or exact name of a component (not a group)' },
          ]);
        targets.set(named.id, alert.status ?? 'major_outage');
      }
      if (targets.size === 0) {
        result.unmatched++;
        continue;
      }
      for (const [componentId, status] of targets) {
        if (!components.some((c) => c.id === componentId)) continue; // the rule's component was deleted since
        await raiseSignal(txCtx, { componentId, source: 'receiver', sourceId, status, summary: alert.summary });
        touched.set(componentId, alert.summary);
        receipt.componentIds.push(componentId);
      }
      result.firing++;
    }
    for (const [componentId, summary] of touched) await automateAlertIncident(txCtx, receiver, componentId, summary);
    // The most recent last: a body of more alerts than are kept leaves its last ones.
    await insertReceipts(tx, receiver.id, receipts.slice(-keptReceipts));
  });
  return result;
}
