import type { Ctx } from '../../shared/context.ts';
import { writePrivately } from '../../storage/write.ts';
import { recordAudit } from '../audit/index.ts';
import { updateTemplateSchema, type IncidentTemplate, type UpdateTemplateInput } from './template.ts';
import { checkComponentsExist, getTemplateOrFail } from './template-checks.ts';
import { saveTemplate } from './template-store.ts';

export async function updateTemplate(ctx: Ctx, id: string, input: UpdateTemplateInput): Promise<IncidentTemplate> {
  const data = updateTemplateSchema.parse(input);
  return writePrivately(ctx, async (tx) => {
    const before = await getTemplateOrFail(tx, id);
    if (data.componentIds !== undefined) await checkComponentsExist(tx, data.componentIds);
    const given = Object.fromEntries(Object.entries(data).filter(([, v]) => v !== undefined)) as Partial<IncidentTemplate>;
    const now = ctx.clock.now();
    const after: IncidentTemplate = { ...before, ...given, id: before.id, updatedAt: now };
    if (data.componentIds !== undefined) after.componentIds = [...new Set(data.componentIds)];
    await saveTemplate(tx, after);
    await recordAudit(tx, ctx.actor, {
      action: 'incident_template.update',
      entityType: 'incident_template',
      entityId: id,
      before,
      after,
      at: now,
    });
    return after;
  });
}
