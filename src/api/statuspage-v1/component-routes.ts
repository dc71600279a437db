import type { FastifyInstance, FastifyReply } from 'fastify';
import type { AppDeps } from '../../app-deps.ts';
import {
  createComponent,
  deleteComponent,
  listComponentsInOrder,
  type Component,
  type UpdateComponentInput,
} from '../../modules/components/index.ts';
import { updateComponentKeepingOneWriter } from '../../modules/third-party/index.ts';
import { getPage } from '../../modules/page/index.ts';
import type { Ctx } from '../../shared/context.ts';
import { notFound } from '../../shared/errors.ts';
import { paginate } from './pagination.ts';
import { route, type V1Request } from './route.ts';
import { presentComponent } from './presenters.ts';
import { componentBody, readRoot, requireField, type ComponentBody } from './request-schemas.ts';

function toInput(d: ComponentBody): UpdateComponentInput {
  return {
    ...(d.name !== undefined && { name: d.name }),
    ...(d.description !== undefined && { description: d.description }),
    ...(d.status !== undefined && { status: d.status }),
    ...(d.group_id !== undefined && { groupId: d.group_id }),
    ...(d.showcase !== undefined && { showcase: d.showcase }),
    ...(d.only_show_if_degraded !== undefined && { onlyShowIfDegraded: d.only_show_if_degraded }),
    ...(d.start_date !== undefined && { startDate: d.start_date }),
    ...(d.third_party_source !== undefined && {
      thirdParty:
        d.third_party_source === null
          ? null
          : { sourceUrl: d.third_party_source.source_url, componentId: d.third_party_source.component_id },
    }),
  };
}

/** A component as listed (a group showing its worst child), or 404. */
export async function findListed(
  ctx: Pick<Ctx, 'db'>,
  id: string,
  kind: 'component' | 'group',
): Promise<{ item: Component; all: Component[] }> {
  const all = await listComponentsInOrder(ctx);
  const item = all.find((c) => c.id === id && (kind === 'component' || c.isGroup));
  if (item === undefined) throw notFound('component', id);
  return { item, all };
}

export function registerComponentRoutes(scope: FastifyInstance, _deps: AppDeps): void {
  route(scope, 'GET', '/pages/:page_id/components', async ({ caller, query }) => {
    const page = await getPage(caller.ctx);
    const components = paginate(await listComponentsInOrder(caller.ctx), query, 'per_page');
    return components.map((c) => presentComponent(c, page.id));
  });

  route(scope, 'POST', '/pages/:page_id/components', async ({ caller, body }, reply: FastifyReply) => {
    const data = readRoot(body, 'component', componentBody);
    const created = await createComponent(caller.ctx, { ...toInput(data), name: requireField(data.name, 'component.name') });
    const page = await getPage(caller.ctx);
    return reply.code(201).send(presentComponent(created, page.id));
  });

  route(scope, 'GET', '/pages/:page_id/components/:component_id', async ({ caller, params }) => {
    const { item } = await findListed(caller.ctx, params.component_id!, 'component');
    return presentComponent(item, (await getPage(caller.ctx)).id);
  });

  const update = async ({ caller, params, body }: V1Request) => {
    const data = readRoot(body, 'component', componentBody);
    await updateComponentKeepingOneWriter(caller.ctx, params.component_id!, toInput(data));
    const { item } = await findListed(caller.ctx, params.component_id!, 'component');
    return presentComponent(item, (await getPage(caller.ctx)).id);
  };
  route(scope, 'PATCH', '/pages/:page_id/components/:component_id', update);
  route(scope, 'PUT', '/pages/:page_id/components/:component_id', update);

  route(scope, 'DELETE', '/pages/:page_id/components/:component_id', async ({ caller, params }, reply) => {
    await deleteComponent(caller.ctx, params.component_id!);
    return reply.code(204).send();
  });
}
