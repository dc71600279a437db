import type { Ctx } from '../../shared/context.ts';
import type { FormBody } from '../form-values.ts';

/** The templates offered when opening an incident. */
export async function incidentTemplates(_ctx: Ctx): Promise<{ id: string; name: string }[]> {
  return [];
}

/** A template's fields as the incident form's values. */
export async function templateValues(_ctx: Ctx, _id: string): Promise<FormBody> {
  return {};
}
