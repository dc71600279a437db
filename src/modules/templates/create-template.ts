import type { Ctx } from '../../shared/context.ts';
import { newId } from '../../shared/ids.ts';
import { writePrivately } from '../../storage/write.ts';
import { recordAudit } from '../audit/index.ts';
import { createTemplateSchema, type CreateTemplateInput, type IncidentTemplate } from './template.ts';
import { checkComponentsExist } from './template-checks.ts';
import { insertTemplate } from './template-store.ts';

export async function createTemplate(ctx: Ctx, input: CreateTemplateInput): Promise<IncidentTemplate> {
  const data = createTemplateSchema.parse(input);
  return writePrivately(ctx, async (tx) => {
    await checkComponentsExist(tx, data.componentIds);
    const now = ctx.clock.now();
    const template: IncidentTemplate = {
      id: newId(),
      ...data,
      componentIds: [...new Set(data.componentIds)],
      createdAt: now,
      updatedAt: now,
    };
    await insertTemplate(tx, template);
    await recordAudit(tx, ctx.actor, {
      action: 'incident_template.create',
      entityType: 'incident_template',
      entityId: template.id,
      before: null,
      after: template,
      at: now,
    });
    return template;
  });
}
