import { AppError, notFound } from '../../shared/errors.ts';
import type { Db } from '../../storage/database.ts';
import { findComponent } from '../components/index.ts';
import type { IncidentTemplate } from './template.ts';
import { findTemplate } from './template-store.ts';

export async function checkComponentsExist(tx: Db, ids: string[]): Promise<void> {
  for (const id of ids) {
    const component = await findComponent(tx, id);
    if (component === undefined) throw notFound('component', id);
    if (component.isGroup) throw new AppError('component_group_invalid', `"${component.name}" is a group; choose its components instead.`);
  }
}

export async function getTemplateOrFail(tx: Db, id: string): Promise<IncidentTemplate> {
  const template = await findTemplate(tx, id);
  if (template === undefined) throw new AppError('template_not_found', `No incident template has the id "${id}".`);
  return template;
}
