import type { Db } from '../../storage/database.ts';
import { incidentStatuses, type IncidentStatus } from '../incidents/index.ts';
import { findTemplate } from './template-store.ts';

/** How automation writes an incident it opens: Aviso's words, or those of the template the operator chose. */
export interface AutomaticIncidentWords {
  name: string;
  status: IncidentStatus;
  body: string;
  /** For the opening and for every later update and the resolution. */
  deliverNotifications: boolean;
}

/**
 * The words of an automatic incident: with a template, its title, text (Aviso's when it has none),
 * status (investigating when it names a maintenance status or `resolved`) and notification setting;
 * a template deleted since falls back to Aviso's own words.
 */
export async function automaticIncidentWords(
  db: Db,
  templateId: string | null,
  own: { name: string; body: string },
): Promise<AutomaticIncidentWords> {
  const template = templateId === null ? undefined : await findTemplate(db, templateId);
  if (template === undefined) return { ...own, status: 'investigating', deliverNotifications: true };
  const status = (incidentStatuses as readonly string[]).includes(template.updateStatus) && template.updateStatus !== 'resolved';
  return {
    name: template.title,
    status: status ? (template.updateStatus as IncidentStatus) : 'investigating',
    body: template.body.trim() === '' ? own.body : template.body,
    deliverNotifications: template.shouldSendNotifications,
  };
}
