import type { Ctx } from '../../shared/context.ts';
import { listAuditEvents } from '../audit/index.ts';
import { findComponent, worstStatus, type ComponentStatus } from '../components/index.ts';
import { findIncident, openIncident, postIncidentUpdate } from '../incidents/index.ts';
import { automaticIncidentWords } from '../templates/index.ts';
import { listSignals } from '../signals/index.ts';
import type { Receiver } from './receiver.ts';
import { deleteAlertIncident, findAlertIncident, saveAlertIncident } from './receiver-store.ts';

const statusWords: Partial<Record<ComponentStatus, string>> = {
  degraded_performance: 'is slow',
  partial_outage: 'is partly down',
  major_outage: 'is down',
};

/**
 * The receiver's automatic incident for a component, inside the write that handled its alerts
 * (`ctx` acts as the receiver), for components a rule with `autoIncident` maps to: opened when the
 * receiver's alerts move the component, updated when the status they want changes, resolved when
 * all of them have resolved. Once a person edits or posts on it, it is theirs: nothing here touches it again.
 */
export async function automateAlertIncident(ctx: Ctx, receiver: Receiver, componentId: string, summary: string | null): Promise<void> {
  const rule = receiver.rules.find((r) => r.autoIncident && r.componentId === componentId);
  if (rule === undefined) return;
  const component = await findComponent(ctx.db, componentId);
  if (component === undefined) return;
  const ours = (await listSignals(ctx.db, componentId)).filter((s) => s.source === 'receiver' && s.sourceId.startsWith(`${receiver.id}:`));
  const wanted = ours.length === 0 ? null : worstStatus(ours.map((s) => s.status));
  const followed = await findAlertIncident(ctx.db, receiver.id, componentId);
  let current = followed === undefined ? undefined : await findIncident(ctx.db, followed.incidentId);
  if (current !== undefined && current.status === 'resolved') current = undefined;
  const takenOver =
    current !== undefined && (await listAuditEvents(ctx, { entityId: current.id, limit: 500 })).some((e) => e.actor.id !== receiver.id);
  if (current === undefined || takenOver) {
    if (wanted === null || (current === undefined && followed !== undefined)) await deleteAlertIncident(ctx.db, receiver.id, componentId);
    if (takenOver || wanted === null) return;
  }
  const what = `${component.name} ${wanted === null ? 'works again' : (statusWords[wanted] ?? 'has a problem')}`;
  const body = `An alert from “${receiver.name}” says ${what}${summary === null ? '' : `: ${summary}`}. This incident follows the alerts until someone edits or posts on it.`;
  // The first rule with automatic incidents for the component says which template, if any, writes it.
  const words = await automaticIncidentWords(ctx.db, rule.incidentTemplateId ?? null, { name: what, body });
  const deliverNotifications = words.deliverNotifications;
  if (wanted === null) {
    await postIncidentUpdate(ctx, current!.id, {
      status: 'resolved',
      body: `Every alert from “${receiver.name}” on ${component.name} has resolved.`,
      deliverNotifications,
    });
    await deleteAlertIncident(ctx.db, receiver.id, componentId);
    return;
  }
  if (current === undefined) {
    const opened = await openIncident(ctx, {
      name: words.name,
      status: words.status,
      body: words.body,
      componentIds: [componentId],
      deliverNotifications,
    });
    await saveAlertIncident(ctx.db, receiver.id, componentId, { incidentId: opened.id, status: wanted });
  } else if (followed!.status !== wanted) {
    await postIncidentUpdate(ctx, current.id, {
      status: current.status === 'postmortem' ? 'investigating' : current.status,
      body,
      deliverNotifications,
    });
    await saveAlertIncident(ctx.db, receiver.id, componentId, { incidentId: current.id, status: wanted });
  }
}
