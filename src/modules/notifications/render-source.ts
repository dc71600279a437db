import type { Ctx } from '../../shared/context.ts';
import { findComponent, listComponents, type Component } from '../components/index.ts';
import { findIncident } from '../incidents/index.ts';
import { getPage } from '../page/index.ts';
import type { NotificationEvent } from './notification-event.ts';
import type { RenderSource } from './templates/notification-content.ts';

/** Everything a batch of deliveries renders from, read once; undefined when the subject is gone. */
export async function loadRenderSource(
  ctx: Pick<Ctx, 'db'>,
  event: NotificationEvent,
  publicUrl: string,
): Promise<{ source: RenderSource; components: Component[] } | undefined> {
  const page = await getPage(ctx);
  const components = await listComponents(ctx.db);
  const source: RenderSource = { page, publicUrl, components };
  if (event.kind === 'incident.updated' || event.kind === 'postmortem.published') {
    const incident = await findIncident(ctx.db, event.incidentId);
    if (incident === undefined) return undefined;
    if (event.kind === 'incident.updated' && !incident.updates.some((u) => u.id === event.incidentUpdateId)) return undefined;
    source.incident = incident;
  }
  if (event.kind === 'component.updated') {
    const component = await findComponent(ctx.db, event.componentId);
    if (component === undefined) return undefined;
    source.component = component;
  }
  return { source, components };
}
