import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { AppDeps } from '../../app-deps.ts';
import {
  createComponentGroup,
  deleteComponent,
  listComponentsInOrder,
  updateComponentGroup,
  type Component,
} from '../../modules/components/index.ts';
import { getPage } from '../../modules/page/index.ts';
import type { Ctx } from '../../shared/context.ts';
import { findListed } from './component-routes.ts';
import { inStatuspageTerms } from './field-names.ts';
import { paginate } from './pagination.ts';
import { route, type V1Request } from './route.ts';
import { presentGroup } from './presenters.ts';
import { fieldError, groupBody, readRoot, requireField } from './request-schemas.ts';

const groupFieldNames = { componentIds: 'components' };
const descriptionSchema = z.preprocess((v) => (v === '' ? null : v), z.string().max(2000).nullable()).optional();

/** The group wrapper plus Statuspage's top-level `description`, which sits beside it. */
function readGroupBody(body: unknown) {
  const group = readRoot(body, 'component_group', groupBody);
  const parsed = descriptionSchema.safeParse((body as Record<string, unknown>).description);
  if (!parsed.success) throw fieldError('description', parsed.error);
  return { ...group, description: parsed.data };
}

async function presentById(ctx: Pick<Ctx, 'db'>, id: string) {
  const { item, all } = await findListed(ctx, id, 'group');
  return presentGroup(item, childrenOf(all, item), (await getPage(ctx)).id);
}

function childrenOf(all: Component[], group: Component): Component[] {
  return all.filter((c) => c.groupId === group.id);
}

export function registerComponentGroupRoutes(scope: FastifyInstance, _deps: AppDeps): void {
  route(scope, 'GET', '/pages/:page_id/component-groups', async ({ caller, query }) => {
    const all = await listComponentsInOrder(caller.ctx);
    const pageId = (await getPage(caller.ctx)).id;
    return paginate(
      all.filter((c) => c.isGroup),
      query,
      'per_page',
    ).map((g) => presentGroup(g, childrenOf(all, g), pageId));
  });

  route(scope, 'POST', '/pages/:page_id/component-groups', async ({ caller, body }, reply) => {
    const data = readGroupBody(body);
    const group = await createComponentGroup(caller.ctx, {
      name: requireField(data.name, 'component_group.name'),
      componentIds: requireField(data.components, 'component_group.components'),
      ...(data.description !== undefined && { description: data.description }),
    });
    return reply.code(201).send(await presentById(caller.ctx, group.id));
  });

  route(scope, 'GET', '/pages/:page_id/component-groups/:id', async ({ caller, params }) => presentById(caller.ctx, params.id!));

  const update = async ({ caller, params, body }: V1Request) => {
    const data = readGroupBody(body);
    const input = {
      ...(data.name !== undefined && { name: data.name }),
      ...(data.description !== undefined && { description: data.description }),
      ...(data.components !== undefined && { componentIds: data.components }),
    };
    await inStatuspageTerms('component_group', groupFieldNames, () => updateComponentGroup(caller.ctx, params.id!, input));
    return presentById(caller.ctx, params.id!);
  };
  route(scope, 'PATCH', '/pages/:page_id/component-groups/:id', update);
  route(scope, 'PUT', '/pages/:page_id/component-groups/:id', update);

  route(scope, 'DELETE', '/pages/:page_id/component-groups/:id', async ({ caller, params }) => {
    const before = await presentById(caller.ctx, params.id!);
    await deleteComponent(caller.ctx, params.id!);
    return before;
  });
}
