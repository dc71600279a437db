import type { Ctx } from '../../shared/context.ts';
import { writePrivately } from '../../storage/write.ts';
import { recordAudit } from '../audit/index.ts';
import type { IncidentTemplate } from './template.ts';
import { getTemplateOrFail } from './template-checks.ts';
import { deleteTemplateRow } from './template-store.ts';

export async function deleteTemplate(ctx: Ctx, id: string): Promise<IncidentTemplate> {
  return writePrivately(ctx, async (tx) => {
    const before = await getTemplateOrFail(tx, id);
    await deleteTemplateRow(tx, id);
    await recordAudit(tx, ctx.actor, {
      action: 'incident_template.delete',
      entityType: 'incident_template',
      entityId: id,
      before,
      after: null,
      at: ctx.clock.now(),
    });
    return before;
  });
}
