import type { Db } from '../../storage/database.ts';
import { AppError, notFound } from '../../shared/errors.ts';
import { findComponentForUpdate } from '../components/index.ts';
import { findTemplate } from '../templates/index.ts';
import type { Rule } from './receiver.ts';

/** Every rule maps to a component alerts may move (not a group, not one a third-party page already sets) and names a template that exists. */
export async function checkRules(tx: Db, rules: Rule[]): Promise<void> {
  for (const rule of rules) {
    // Locked, so a mirror set on it at the same moment waits for this rule, and then sees it.
    const component = await findComponentForUpdate(tx, rule.componentId);
    if (component === undefined) throw notFound('component', rule.componentId);
    if (component.isGroup)
      throw new AppError('component_group_invalid', `"${component.name}" is a group; map alerts to one of its components.`);
    if (component.thirdParty !== null)
      throw new AppError(
        'component_has_writer',
        `"${component.name}" follows a third-party status page, which already sets its status; stop mirroring it or map the alerts to another component.`,
      );
    if (rule.incidentTemplateId !== null && (await findTemplate(tx, rule.incidentTemplateId)) === undefined)
      throw new AppError('template_not_found', `No incident template has the id "${rule.incidentTemplateId}".`);
  }
}
