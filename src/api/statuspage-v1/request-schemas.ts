import { z } from 'zod';
import { componentIdSchema, componentStatusSchema } from '../../modules/components/index.ts';
import { impactSchema, incidentStatuses, maintenanceStatuses } from '../../modules/incidents/index.ts';
import { timeZoneSchema, webUrlSchema } from '../../modules/page/index.ts';
import { AppError, type ErrorDetail } from '../../shared/errors.ts';
import { metadataSchema } from '../../shared/metadata-schema.ts';

/**
 * Statuspage's request bodies, in its snake_case names. A form body arrives as strings, so
 * booleans, numbers, lists and nulls are read from their form spelling too. Unknown fields are
 * ignored, as Statuspage does, so existing clients keep working.
 */
const emptyToNull = (v: unknown) => (v === '' ? null : v);
const bool = z.preprocess((v) => (v === 'true' || v === '1' ? true : v === 'false' || v === '0' ? false : v), z.boolean());
const list = <T extends z.ZodType>(item: T) =>
  z.preprocess((v) => (typeof v === 'string' ? [v] : Array.isArray(v) ? v.filter((x) => x !== '') : v), z.array(item));
const instant = z.preprocess(emptyToNull, z.coerce.date({ error: 'must be a date and time like 2025-11-20T10:00:00Z' }).nullable());
const nullableText = (max: number) => z.preprocess(emptyToNull, z.string().max(max).nullable());
const date = z.preprocess(emptyToNull, z.iso.date({ error: 'must be a date like 2025-09-01' }).nullable());
const name = z.string().trim().min(1, 'must not be empty').max(255, 'must be at most 255 characters');

export const componentBody = z.object({
  name: name.optional(),
  description: nullableText(2000).optional(),
  status: componentStatusSchema.optional(),
  group_id: z.preprocess(emptyToNull, componentIdSchema.nullable()).optional(),
  showcase: bool.optional(),
  only_show_if_degraded: bool.optional(),
  start_date: date.optional(),
  third_party_source: z
    .object({ source_url: z.url({ error: 'must be an http(s) URL' }), component_id: z.string().trim().min(1).max(64) })
    .strict()
    .nullable()
    .optional(),
});
export type ComponentBody = z.infer<typeof componentBody>;

export const groupBody = z.object({
  name: name.optional(),
  components: list(componentIdSchema).optional(),
});

const updateStatus = z.enum([...incidentStatuses, ...maintenanceStatuses]);

export const incidentBody = z.object({
  name: name.optional(),
  status: updateStatus.optional(),
  impact_override: z.preprocess(emptyToNull, impactSchema.nullable()).optional(),
  scheduled_for: instant.optional(),
  scheduled_until: instant.optional(),
  scheduled_remind_prior: bool.optional(),
  scheduled_auto_in_progress: bool.optional(),
  scheduled_auto_completed: bool.optional(),
  auto_transition_to_maintenance_state: bool.optional(),
  auto_transition_to_operational_state: bool.optional(),
  auto_transition_deliver_notifications_at_start: bool.optional(),
  auto_transition_deliver_notifications_at_end: bool.optional(),
  metadata: metadataSchema.optional(),
  deliver_notifications: bool.optional(),
  backfill_date: instant.optional(),
  backfilled: bool.optional(),
  body: z.string().max(25000, 'must be at most 25,000 characters').optional(),
  components: z.record(componentIdSchema, componentStatusSchema).optional(),
  component_ids: list(componentIdSchema).optional(),
});
export type IncidentBody = z.infer<typeof incidentBody>;

export const incidentUpdateBody = z.object({
  body: z.string().min(1, 'must not be empty').max(25000).optional(),
  display_at: instant.optional(),
  deliver_notifications: bool.optional(),
  wants_twitter_update: bool.optional(),
});

export const postmortemBody = z.object({ body_draft: z.string().min(1, 'must not be empty').max(100000) });
export const publishBody = z.object({
  notify_subscribers: bool.optional(),
  notify_twitter: bool.optional(),
  custom_tweet: z.string().optional(),
});

const colour = z.preprocess(
  emptyToNull,
  z
    .string()
    .regex(/^#[0-9a-fA-F]{6}$/, 'must be a colour like #2fcc66')
    .nullable(),
);
export const pageBody = z.object({
  name: name.optional(),
  url: webUrlSchema.optional(),
  time_zone: timeZoneSchema.optional(),
  support_url: z.preprocess(emptyToNull, webUrlSchema.nullable()).optional(),
  twitter_username: z
    .preprocess(
      emptyToNull,
      z
        .string()
        .regex(/^@?[A-Za-z0-9_]{1,15}$/, 'must be a Twitter handle')
        .nullable(),
    )
    .optional(),
  allow_page_subscribers: bool.optional(),
  css_greens: colour.optional(),
  css_yellows: colour.optional(),
  css_oranges: colour.optional(),
  css_blues: colour.optional(),
  css_reds: colour.optional(),
  css_link_color: colour.optional(),
  css_no_data: colour.optional(),
});
export type PageBody = z.infer<typeof pageBody>;

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Zod's issues as field errors under the body's root key: `incident.components.abc: …`. */
export function fieldError(root: string, error: z.ZodError): AppError {
  const details: ErrorDetail[] = error.issues.map((issue) => ({
    path: [root, ...issue.path.map(String)].join('.'),
    message: issue.message,
  }));
  const first = details[0]!;
  return new AppError('validation_failed', `${first.path}: ${first.message}`, details);
}

/** Reads `{ "<root>": { … } }` from a JSON or form body: 400 when the wrapper is missing, 422 naming a bad field. */
export function readRoot<T extends z.ZodType>(body: unknown, root: string, schema: T, options: { optional?: boolean } = {}): z.infer<T> {
  const inner = isObject(body) ? body[root] : undefined;
  if (inner === undefined && options.optional === true) return schema.parse({});
  if (!isObject(inner)) {
    throw new AppError('bad_request', `The body needs a "${root}" object, as JSON {"${root}": {…}} or as a form (${root}[field]=…).`);
  }
  const parsed = schema.safeParse(inner);
  if (!parsed.success) throw fieldError(root, parsed.error);
  return parsed.data;
}

/** A field that is required for this request but optional in the schema. */
export function requireField<T>(value: T | null | undefined, path: string): T {
  if (value === undefined || value === null)
    throw new AppError('validation_failed', `${path}: is required`, [{ path, message: 'is required' }]);
  return value;
}
