import type { Ctx } from '../../shared/context.ts';
import type { IncidentTemplate } from './template.ts';
import { getTemplateOrFail } from './template-checks.ts';
import { listTemplateRows } from './template-store.ts';

/** Every template, by name. */
export async function listTemplates(ctx: Pick<Ctx, 'db'>): Promise<IncidentTemplate[]> {
  return listTemplateRows(ctx.db);
}

export async function getTemplate(ctx: Pick<Ctx, 'db'>, id: string): Promise<IncidentTemplate> {
  return getTemplateOrFail(ctx.db, id);
}
