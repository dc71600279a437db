import { z } from 'zod';
import { componentStatuses } from '../../modules/components/index.ts';

/**
 * Statuspage's public API v2 contract, written from the behaviour reference and real captured
 * responses. The contract tests parse both those captures and Aviso's answers with it, so the
 * schemas are proven against reality before they judge Aviso.
 */

const id = z.string().regex(/^[0-9a-z]{12}$/);
/** Milliseconds always; `Z` or the page zone's offset. */
const timestamp = z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}(Z|[+-]\d{2}:\d{2})$/);
const componentStatus = z.enum(componentStatuses);
const incidentStatus = z.enum(['investigating', 'identified', 'monitoring', 'resolved', 'postmortem']);
const maintenanceStatus = z.enum(['scheduled', 'in_progress', 'verifying', 'completed']);
const impact = z.enum(['none', 'minor', 'major', 'critical', 'maintenance']);

export const pageKeys = ['id', 'name', 'url', 'time_zone', 'updated_at'] as const;
export const statusKeys = ['indicator', 'description'] as const;
export const componentKeys = [
  'id',
  'name',
  'status',
  'created_at',
  'updated_at',
  'position',
  'description',
  'showcase',
  'start_date',
  'group_id',
  'page_id',
  'group',
  'only_show_if_degraded',
] as const;
export const groupKeys = [...componentKeys, 'components'] as const;
export const updateKeys = [
  'id',
  'status',
  'body',
  'incident_id',
  'created_at',
  'updated_at',
  'display_at',
  'affected_components',
  'deliver_notifications',
  'custom_tweet',
  'tweet_id',
] as const;
export const affectedComponentKeys = ['code', 'name', 'old_status', 'new_status'] as const;
export const incidentKeys = [
  'id',
  'name',
  'status',
  'created_at',
  'updated_at',
  'monitoring_at',
  'resolved_at',
  'impact',
  'shortlink',
  'started_at',
  'page_id',
  'incident_updates',
  'components',
] as const;
export const maintenanceKeys = [...incidentKeys, 'scheduled_for', 'scheduled_until'] as const;
export const summaryKeys = ['page', 'components', 'incidents', 'scheduled_maintenances', 'status'] as const;

export const pageSchema = z.strictObject({ id, name: z.string(), url: z.url(), time_zone: z.string().min(1), updated_at: timestamp });
export const statusSchema = z.strictObject({
  indicator: z.enum(['none', 'minor', 'major', 'critical', 'maintenance']),
  description: z.string().min(1),
});
export const componentSchema = z.strictObject({
  id,
  name: z.string().min(1),
  status: componentStatus,
  created_at: timestamp,
  updated_at: timestamp,
  position: z.number().int().min(0),
  description: z.string().nullable(),
  showcase: z.boolean(),
  start_date: z.iso.date().nullable(),
  group_id: id.nullable(),
  page_id: id,
  group: z.boolean(),
  only_show_if_degraded: z.boolean(),
  components: z.array(id).min(1).optional(),
});

export const affectedComponentSchema = z.strictObject({
  code: id,
  name: z.string().min(1),
  old_status: componentStatus,
  new_status: componentStatus,
});
/** Statuspage's pre-2019 placeholder when an update changed nothing; Aviso writes null instead. */
const legacyPlaceholder = z.strictObject({ name: z.string() });

function updateSchema(legacy: boolean) {
  const affected = legacy ? z.union([affectedComponentSchema, legacyPlaceholder]) : affectedComponentSchema;
  return z.strictObject({
    id,
    status: z.union([incidentStatus, maintenanceStatus]),
    body: z.string(),
    incident_id: id,
    created_at: timestamp,
    updated_at: timestamp,
    display_at: timestamp,
    affected_components: z.array(affected).min(1).nullable(),
    deliver_notifications: z.boolean(),
    custom_tweet: z.string().nullable(),
    tweet_id: z.union([z.string(), z.number()]).nullable(),
  });
}

function eventFields(legacy: boolean, status: z.ZodType) {
  return {
    id,
    name: z.string().min(1),
    status,
    created_at: timestamp,
    updated_at: timestamp,
    monitoring_at: timestamp.nullable(),
    resolved_at: timestamp.nullable(),
    impact,
    shortlink: z.url(),
    // Responses before mid-2019 had neither; every current one has both.
    started_at: legacy ? timestamp.optional() : timestamp,
    page_id: id,
    incident_updates: z.array(updateSchema(legacy)),
    components: legacy ? z.array(componentSchema).optional() : z.array(componentSchema),
  };
}

export const incidentSchema = z.strictObject(eventFields(false, incidentStatus));
export const legacyIncidentSchema = z.strictObject(eventFields(true, incidentStatus));
export const maintenanceSchema = z.strictObject({
  ...eventFields(false, maintenanceStatus),
  scheduled_for: timestamp,
  scheduled_until: timestamp,
});

export const summarySchema = z.strictObject({
  page: pageSchema,
  components: z.array(componentSchema),
  incidents: z.array(incidentSchema),
  scheduled_maintenances: z.array(maintenanceSchema),
  status: statusSchema,
});
export const statusDocumentSchema = z.strictObject({ page: pageSchema, status: statusSchema });
export const componentsDocumentSchema = z.strictObject({ page: pageSchema, components: z.array(componentSchema) });
export const incidentsDocumentSchema = z.strictObject({ page: pageSchema, incidents: z.array(incidentSchema).max(50) });
export const legacyIncidentsDocumentSchema = z.strictObject({ page: pageSchema, incidents: z.array(legacyIncidentSchema).max(50) });
export const maintenancesDocumentSchema = z.strictObject({ page: pageSchema, scheduled_maintenances: z.array(maintenanceSchema).max(50) });

/**
 * Every key-order violation in a v2 document: each object's keys must come in Statuspage's order.
 * Returns readable paths, empty when all is in order.
 */
export function keyOrderProblems(document: unknown): string[] {
  const problems: string[] = [];
  const check = (value: unknown, expected: readonly string[], path: string) => {
    if (typeof value !== 'object' || value === null) return;
    const keys = Object.keys(value);
    const wanted = expected.filter((k) => keys.includes(k));
    if (keys.join(',') !== wanted.join(',') || keys.length !== wanted.length)
      problems.push(`${path}: ${keys.join(',')} (expected ${wanted.join(',')})`);
  };
  const component = (c: unknown, path: string) => check(c, (c as { group?: boolean }).group ? groupKeys : componentKeys, path);
  const event = (e: Record<string, unknown>, path: string, keys: readonly string[]) => {
    check(e, keys, path);
    (e['incident_updates'] as Record<string, unknown>[] | undefined)?.forEach((u, i) => {
      check(u, updateKeys, `${path}.incident_updates[${i}]`);
      (u['affected_components'] as unknown[] | null)?.forEach((a, j) =>
        check(a, affectedComponentKeys, `${path}.incident_updates[${i}].affected_components[${j}]`),
      );
    });
    (e['components'] as unknown[] | undefined)?.forEach((c, i) => component(c, `${path}.components[${i}]`));
  };
  const doc = document as Record<string, unknown>;
  check(doc['page'], pageKeys, 'page');
  if (doc['status'] !== undefined) check(doc['status'], statusKeys, 'status');
  (doc['components'] as unknown[] | undefined)?.forEach((c, i) => component(c, `components[${i}]`));
  (doc['incidents'] as Record<string, unknown>[] | undefined)?.forEach((e, i) => event(e, `incidents[${i}]`, incidentKeys));
  (doc['scheduled_maintenances'] as Record<string, unknown>[] | undefined)?.forEach((e, i) =>
    event(e, `scheduled_maintenances[${i}]`, maintenanceKeys),
  );
  return problems;
}

/** The top-level keys each endpoint answers with, in order. */
export const documentKeys: Record<string, readonly string[]> = {
  summary: summaryKeys,
  status: ['page', 'status'],
  components: ['page', 'components'],
  incidents: ['page', 'incidents'],
  'incidents/unresolved': ['page', 'incidents'],
  'scheduled-maintenances': ['page', 'scheduled_maintenances'],
  'scheduled-maintenances/upcoming': ['page', 'scheduled_maintenances'],
  'scheduled-maintenances/active': ['page', 'scheduled_maintenances'],
};
