import { z } from 'zod';
import { metadataSchema } from '../../shared/metadata-schema.ts';
import { componentStatuses } from '../components/index.ts';
import { generatedBodyKeys, impacts, incidentStatuses, maintenanceStatuses, type GeneratedBodyKey } from '../incidents/index.ts';
import { supportedLocales } from '../../shared/locales.ts';
import { isTimeZone, webUrlSchema } from '../page/index.ts';
import { monitorKinds } from '../monitors/index.ts';
import { defaultSeverityStatuses } from '../alerts/index.ts';

/**
 * The page file as written: snake_case keys like Statuspage's API. Ids and `created_at` may be left
 * out (new objects get new ones; existing ones keep theirs); every other field left out takes its
 * default, so the file is the whole desired state of the page.
 */
const oneOf = (values: readonly string[]) => ({ error: `must be one of ${values.join(', ')}` });
const id = z.string().regex(/^[0-9a-z]{12}$/, 'must be a 12-character id of digits and lowercase letters');
/** Any ISO 8601 date and time with a zone; stored and exported as UTC with milliseconds. */
const instant = z.iso
  .datetime({ offset: true, error: 'must be a date and time with a zone, like 2025-11-18T02:14:00+03:00 or 2025-11-17T23:14:00.000Z' })
  .transform((text) => new Date(text).toISOString());
const date = z.iso.date({ error: 'must be a date like 2025-09-01' });
const text = z.string({ error: 'must be text' });
const name = text.trim().min(1, 'must not be empty').max(255, 'must be at most 255 characters');
const description = text.max(2000).nullable().default(null);
const bool = (fallback: boolean) => z.boolean({ error: 'must be true or false' }).default(fallback);
const metadata = metadataSchema.default({});
/** The operator's translations by language: name, postmortem, and update text by update id. */
const translations = z
  .partialRecord(
    z.enum(supportedLocales, oneOf(supportedLocales)),
    z.object({ name: name.optional(), postmortem: text.optional(), updates: z.record(id, text).optional() }).strict(),
  )
  .default({});
/** The operator's translations of a component's or group's name and description, by language. */
const componentTranslations = z
  .partialRecord(
    z.enum(supportedLocales, oneOf(supportedLocales)),
    z.object({ name: name.optional(), description: text.trim().max(2000, 'must be at most 2000 characters').optional() }).strict(),
  )
  .default({});
/** A component, by its id or (when it has none in the file) its name. */
const componentRef = text.min(1, 'must name a component');

const outageSchema = z
  .object({
    status: z.enum(componentStatuses.filter((s) => s !== 'operational') as [string, ...string[]], oneOf(componentStatuses.slice(1))),
    from: instant,
    to: instant.nullable().default(null),
  })
  .strict();

const componentFields = {
  id: id.optional(),
  name,
  description,
  created_at: instant.optional(),
  showcase: bool(true),
  translations: componentTranslations,
};

export const componentSchema = z
  .object({
    ...componentFields,
    start_date: date.nullable().default(null),
    only_show_if_degraded: bool(false),
    third_party: z
      .object({ source_url: z.url({ error: 'must be a URL' }), component_id: text.min(1).max(255) })
      .strict()
      .nullable()
      .default(null),
    outages: z.array(outageSchema).default([]),
  })
  .strict();

export const groupSchema = z
  .object({ ...componentFields, components: z.array(componentSchema).min(1, 'a group needs at least one component') })
  .strict();

const affectedComponentSchema = z
  .object({
    component: componentRef,
    name: name.optional(),
    old_status: z.enum(componentStatuses, oneOf(componentStatuses)),
    new_status: z.enum(componentStatuses, oneOf(componentStatuses)),
    /** Written by export when the component has since been deleted; allows a reference to it. */
    removed: z.boolean().default(false),
  })
  .strict();

const updateSchema = <S extends readonly [string, ...string[]]>(statuses: S) =>
  z
    .object({
      id: id.optional(),
      status: z.enum(statuses, oneOf(statuses)),
      body: text.max(25000).default(''),
      /** With an empty body: which of Aviso's own sentences the update shows (default: the status's standard one). */
      generated_body: z
        .object({
          key: z.enum(generatedBodyKeys as [GeneratedBodyKey, ...GeneratedBodyKey[]], oneOf(generatedBodyKeys)),
          params: z.record(z.string(), z.number().int().nonnegative()).optional(),
        })
        .strict()
        .optional(),
      display_at: instant,
      created_at: instant.optional(),
      deliver_notifications: bool(true),
      affected_components: z.array(affectedComponentSchema).default([]),
    })
    .strict();

const postmortemSchema = z
  .object({
    body: text.max(100000).nullable().default(null),
    /** Left out: the same as `body`. */
    draft: text.max(100000).nullable().optional(),
    published_at: instant.nullable().default(null),
    notified_subscribers: bool(false),
  })
  .strict()
  .refine((p) => (p.published_at === null) === (p.body === null), {
    message: 'a published postmortem has both `body` and `published_at`; a draft has neither',
  });

export const incidentSchema = z
  .object({
    id: id.optional(),
    name,
    started_at: instant,
    created_at: instant.optional(),
    impact_override: z.enum(impacts, oneOf(impacts)).nullable().default(null),
    backfilled: bool(false),
    components: z.array(componentRef).default([]),
    metadata,
    translations,
    postmortem: postmortemSchema.nullable().default(null),
    updates: z.array(updateSchema(incidentStatuses)).min(1, 'an incident has at least one update'),
  })
  .strict();

export const maintenanceSchema = z
  .object({
    id: id.optional(),
    name,
    scheduled_for: instant,
    scheduled_until: instant,
    created_at: instant.optional(),
    components: z.array(componentRef).default([]),
    remind_prior: z.number().int().min(0).max(10080).default(60),
    reminded_at: instant.nullable().default(null),
    auto_in_progress: bool(true),
    auto_completed: bool(true),
    auto_transition_to_maintenance_state: bool(true),
    auto_transition_to_operational_state: bool(true),
    auto_transition_deliver_notifications_at_start: bool(true),
    auto_transition_deliver_notifications_at_end: bool(true),
    metadata,
    translations,
    updates: z.array(updateSchema(maintenanceStatuses)).min(1, 'a maintenance has at least one update'),
  })
  .strict()
  .refine((m) => m.scheduled_until > m.scheduled_for, {
    message: '`scheduled_until` must be after `scheduled_for`',
    path: ['scheduled_until'],
  });

export const pageSchema = z
  .object({
    id: id.optional(),
    name,
    url: webUrlSchema,
    time_zone: text.refine(isTimeZone, 'must be an IANA time zone such as Europe/Moscow'),
    default_locale: z.enum(supportedLocales, oneOf(supportedLocales)),
    locales: z.array(z.enum(supportedLocales, oneOf(supportedLocales))).min(1),
    /** Presentation settings, snake_case (logo_url, colours.no_data, …); checked against the page's own rules. */
    settings: z.record(z.string(), z.unknown()).default({}),
  })
  .strict()
  .refine((p) => p.locales.includes(p.default_locale), {
    message: 'the default locale must be one of `locales`',
    path: ['default_locale'],
  });

const outageStatuses = ['degraded_performance', 'partial_outage', 'major_outage'] as const;
const sha256 = z.string().regex(/^[0-9a-f]{64}$/, 'must be a SHA-256 in hex (64 characters), as export writes it');
const templateRef = id.nullable().default(null);

/** A monitor; `settings` are the kind's (snake_case), checked against the kind when the file is planned. */
export const monitorSchema = z
  .object({
    id: id.optional(),
    name,
    kind: z.enum(monitorKinds, oneOf(monitorKinds)),
    component: componentRef.nullable().default(null),
    interval_seconds: z.number().int().min(10, 'must be at least 10 seconds').max(86400).default(60),
    timeout_ms: z.number().int().min(100).max(60_000).default(10_000),
    retries: z.number().int().min(0).max(5).default(0),
    failure_threshold: z.number().int().min(1).max(20).default(2),
    recovery_threshold: z.number().int().min(1).max(20).default(2),
    failing_status: z.enum(outageStatuses, oneOf(outageStatuses)).default('major_outage'),
    degraded_status: z.enum(outageStatuses, oneOf(outageStatuses)).default('degraded_performance'),
    allow_private: bool(false),
    paused: bool(false),
    auto_incident: bool(false),
    incident_template: templateRef,
    /** Draw its response times under its component on the public page. */
    public_chart: bool(false),
    settings: z.record(z.string(), z.unknown()).default({}),
    /** A heartbeat's push token as its SHA-256; left out: the token stored now (a new heartbeat gets a new one). */
    push_token_sha256: sha256.optional(),
  })
  .strict();

export const ruleFileSchema = z
  .object({
    matchers: z.array(text.max(300)).min(1, 'a rule needs at least one matcher').max(20),
    component: componentRef,
    severity_label: text.regex(/^[A-Za-z_][A-Za-z0-9_]*$/, 'must be a label name').default('severity'),
    severities: z.record(text.min(1).max(100), z.enum(componentStatuses, oneOf(componentStatuses))).default(defaultSeverityStatuses),
    default_status: z.enum(componentStatuses, oneOf(componentStatuses)).default('partial_outage'),
    auto_incident: bool(false),
    incident_template: templateRef,
  })
  .strict();

export const receiverSchema = z
  .object({
    id: id.optional(),
    name: text.trim().min(1, 'must not be empty').max(100),
    /** The receiver's token as its SHA-256; left out: the token stored now (a new receiver gets a new one). */
    token_sha256: sha256.optional(),
    rules: z.array(ruleFileSchema).max(100).default([]),
  })
  .strict();

export const pageFileVersion = 1;

export const pageFileSchema = z
  .object({
    version: z.literal(pageFileVersion, { error: `must be ${pageFileVersion}` }),
    page: pageSchema,
    /** Each item is checked as a group when it has `components`, else as a component (see parse-page-file.ts). */
    components: z.array(z.unknown()).default([]),
    incidents: z.array(incidentSchema).default([]),
    maintenances: z.array(maintenanceSchema).default([]),
    monitors: z.array(monitorSchema).default([]),
    alert_receivers: z.array(receiverSchema).default([]),
  })
  .strict();

export type PageFileInput = Omit<z.output<typeof pageFileSchema>, 'components'> & { components: (ComponentInput | GroupInput)[] };
export type ComponentInput = z.output<typeof componentSchema>;
export type GroupInput = z.output<typeof groupSchema>;
export type IncidentInput = z.output<typeof incidentSchema>;
export type MaintenanceInput = z.output<typeof maintenanceSchema>;
export type MonitorInput = z.output<typeof monitorSchema>;
export type ReceiverInput = z.output<typeof receiverSchema>;
export type UpdateInput = IncidentInput['updates'][number] | MaintenanceInput['updates'][number];
