import type { Ctx } from '../../shared/context.ts';
import { AppError, invalid, notFound } from '../../shared/errors.ts';
import { isLocale } from '../../shared/locales.ts';
import { write } from '../../storage/write.ts';
import { recordAudit } from '../audit/index.ts';
import { getPage } from '../page/index.ts';
import type { Incident, IncidentTranslation } from './incident.ts';
import { translateIncidentSchema, type TranslateIncidentInput } from './incident-schemas.ts';
import { findIncident, saveIncident } from './incident-store.ts';

/**
 * Adds or changes the operator's translation of an incident or maintenance into one of the page's
 * enabled languages (not its default one, which is what was posted): each reader then gets their
 * language, falling back to the text as posted.
 */
export async function translateIncident(ctx: Ctx, incidentId: string, locale: string, input: TranslateIncidentInput): Promise<Incident> {
  const data = translateIncidentSchema.parse(input);
  return write(ctx, async (tx) => {
    const incident = await findIncident(tx, incidentId);
    if (incident === undefined) throw notFound('incident', incidentId);
    const page = await getPage({ ...ctx, db: tx });
    if (!isLocale(locale) || !page.locales.includes(locale)) {
      const message = `must be one of the page's languages: ${page.locales.join(', ')}`;
      throw invalid(`locale: ${message}`, [{ path: 'locale', message }]);
    }
    if (locale === page.defaultLocale) {
      throw new AppError(
        'incident_transition_invalid',
        `${locale} is the page's default language: change the incident's own text instead of translating it.`,
      );
    }
    for (const id of Object.keys(data.updates ?? {})) if (!incident.updates.some((u) => u.id === id)) throw notFound('incident_update', id);
    const before = incident.translations?.[locale] ?? {};
    const updates = { ...before.updates };
    for (const [id, text] of Object.entries(data.updates ?? {})) {
      if (text.trim() === '') delete updates[id];
      else updates[id] = text.trim();
    }
    const pick = (text: string | undefined, old: string | undefined) =>
      text === undefined ? old : text.trim() === '' ? undefined : text.trim();
    const name = pick(data.name, before.name);
    const postmortem = pick(data.postmortem, before.postmortem);
    const translation: IncidentTranslation = {
      ...(name !== undefined && { name }),
      ...(postmortem !== undefined && { postmortem }),
      ...(Object.keys(updates).length > 0 && { updates }),
    };
    const { [locale]: _old, ...others } = incident.translations ?? {};
    const translations = Object.keys(translation).length === 0 ? others : { ...others, [locale]: translation };
    const now = ctx.clock.now();
    const next: Incident = { ...incident, translations, updatedAt: now };
    await saveIncident(tx, next);
    await recordAudit(tx, ctx.actor, {
      action: `${incident.kind}.translate`,
      entityType: incident.kind,
      entityId: incident.id,
      before: { locale, ...before },
      after: { locale, ...translation },
      at: now,
    });
    return next;
  });
}
