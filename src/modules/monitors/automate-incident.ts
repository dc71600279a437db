import type { Ctx } from '../../shared/context.ts';
import { listAuditEvents } from '../audit/index.ts';
import { findComponent, type ComponentStatus } from '../components/index.ts';
import { findIncident, openIncident, postIncidentUpdate } from '../incidents/index.ts';
import { automaticIncidentWords } from '../templates/index.ts';
import type { Monitor } from './monitor.ts';

/** Whether anyone but the monitor itself has edited or posted on the incident: then automation leaves it alone. */
export async function takenOverByHuman(ctx: Pick<Ctx, 'db'>, incidentId: string, monitorId: string): Promise<boolean> {
  const events = await listAuditEvents(ctx, { entityId: incidentId, limit: 500 });
  return events.some((e) => e.actor.id !== monitorId);
}

const statusWords: Partial<Record<ComponentStatus, string>> = {
  degraded_performance: 'is slow',
  partial_outage: 'is partly down',
  major_outage: 'is down',
};

/**
 * The monitor's automatic incident, inside the write that moved its component (`ctx` acts as the
 * monitor): opened when the component goes down, updated when it changes, resolved on recovery;
 * once a person edits or posts on it, it is theirs and nothing here touches it again. With a
 * template chosen, the incident opens with the template's title, text and status, and it and its
 * updates notify subscribers as the template says. Returns the incident the monitor now follows, or null.
 */
export async function automateIncident(
  ctx: Ctx,
  monitor: Monitor,
  incidentId: string | null,
  wanted: ComponentStatus | null,
  reason: string | null,
): Promise<string | null> {
  if (!monitor.autoIncident || monitor.componentId === null) return incidentId;
  const component = await findComponent(ctx.db, monitor.componentId);
  if (component === undefined) return null;
  let current = incidentId === null ? undefined : await findIncident(ctx.db, incidentId);
  if (current !== undefined && current.status === 'resolved') current = undefined;
  if (current !== undefined && (await takenOverByHuman(ctx, current.id, monitor.id))) return wanted === null ? null : current.id;
  const found = reason === null ? '' : ` It reports: ${reason}.`;
  const body =
    wanted === null
      ? ''
      : `The monitor “${monitor.name}” found that ${component.name} ${statusWords[wanted] ?? 'has a problem'}.${found} This incident follows the monitor until someone edits or posts on it.`;
  const words = await automaticIncidentWords(ctx.db, monitor.incidentTemplateId, {
    name: `${component.name} ${wanted === null ? 'works again' : (statusWords[wanted] ?? 'has a problem')}`,
    body,
  });
  const deliverNotifications = words.deliverNotifications;
  if (wanted !== null) {
    if (current === undefined) {
      const opened = await openIncident(ctx, {
        name: words.name,
        status: words.status,
        body: words.body,
        componentIds: [component.id],
        deliverNotifications,
      });
      return opened.id;
    }
    await postIncidentUpdate(ctx, current.id, {
      status: current.status === 'postmortem' ? 'investigating' : current.status,
      body,
      deliverNotifications,
    });
    return current.id;
  }
  if (current !== undefined)
    await postIncidentUpdate(ctx, current.id, {
      status: 'resolved',
      body: `The monitor “${monitor.name}” reports that ${component.name} works again.`,
      deliverNotifications,
    });
  return null;
}
