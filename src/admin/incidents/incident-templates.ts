import { isIncidentStatus } from '../../modules/incidents/index.ts';
import { getTemplate, listTemplates } from '../../modules/templates/index.ts';
import type { Ctx } from '../../shared/context.ts';
import type { FormBody } from '../form-values.ts';

/** The templates offered when opening an incident. */
export async function incidentTemplates(ctx: Ctx): Promise<{ id: string; name: string }[]> {
  return (await listTemplates(ctx)).map((t) => ({ id: t.id, name: t.name }));
}

/** A template's fields as the incident form's values; its components come ticked, their new status is the operator's call. */
export async function templateValues(ctx: Ctx, id: string): Promise<{ values: FormBody; componentIds: string[] }> {
  const template = await getTemplate(ctx, id);
  const values: FormBody = {
    name: template.title,
    body: template.body,
    status: isIncidentStatus(template.updateStatus) ? template.updateStatus : 'investigating',
  };
  if (template.shouldSendNotifications) values['deliverNotifications'] = 'on';
  if (template.componentIds.length > 0) values['affected'] = [...template.componentIds];
  return { values, componentIds: template.componentIds };
}
