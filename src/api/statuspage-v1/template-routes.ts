import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { AppDeps } from '../../app-deps.ts';
import { componentIdSchema } from '../../modules/components/index.ts';
import { incidentStatuses, maintenanceStatuses } from '../../modules/incidents/index.ts';
import { createTemplate, listTemplates } from '../../modules/templates/index.ts';
import { paginate } from './pagination.ts';
import { route } from './route.ts';
import { loadPresentContext } from './present-context.ts';
import { presentTemplate } from './presenters.ts';
import { readRoot, requireField } from './request-schemas.ts';

const bool = z.preprocess((v) => (v === 'true' || v === '1' ? true : v === 'false' || v === '0' ? false : v), z.boolean());
const templateBody = z.object({
  name: z.string().trim().min(1, 'must not be empty').max(255).optional(),
  title: z.string().trim().min(1, 'must not be empty').max(255).optional(),
  body: z.string().max(25000).optional(),
  group_id: z.preprocess((v) => (v === '' ? null : v), z.string().max(50).nullable()).optional(),
  update_status: z.enum([...incidentStatuses, ...maintenanceStatuses]).optional(),
  should_tweet: bool.optional(),
  should_send_notifications: bool.optional(),
  component_ids: z
    .preprocess((v) => (typeof v === 'string' ? [v] : Array.isArray(v) ? v.filter((x) => x !== '') : v), z.array(componentIdSchema))
    .optional(),
});

/** `/incident_templates`: list and create, as Statuspage has no single-template routes. */
export function registerTemplateRoutes(scope: FastifyInstance, _deps: AppDeps): void {
  route(scope, 'GET', '/pages/:page_id/incident_templates', async ({ caller, query }) => {
    const pc = await loadPresentContext(caller.ctx);
    return paginate(await listTemplates(caller.ctx), query, 'per_page').map((t) => presentTemplate(t, pc));
  });
  route(scope, 'POST', '/pages/:page_id/incident_templates', async ({ caller, body }, reply) => {
    const d = readRoot(body, 'template', templateBody);
    const created = await createTemplate(caller.ctx, {
      name: requireField(d.name, 'template.name'),
      title: requireField(d.title, 'template.title'),
      body: requireField(d.body, 'template.body'),
      ...(d.group_id !== undefined && { groupId: d.group_id }),
      ...(d.update_status !== undefined && { updateStatus: d.update_status }),
      ...(d.should_tweet !== undefined && { shouldTweet: d.should_tweet }),
      ...(d.should_send_notifications !== undefined && { shouldSendNotifications: d.should_send_notifications }),
      ...(d.component_ids !== undefined && { componentIds: d.component_ids }),
    });
    return reply.code(201).send(presentTemplate(created, await loadPresentContext(caller.ctx)));
  });
}
