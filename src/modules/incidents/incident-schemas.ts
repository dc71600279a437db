import { z } from 'zod';
import { metadataSchema } from '../../shared/metadata-schema.ts';
import { componentIdSchema, componentStatusSchema } from '../components/index.ts';
import { impacts, incidentStatuses, maintenanceStatuses } from './incident.ts';

export const incidentIdSchema = z.string().regex(/^[0-9a-z]{12}$/, 'must be a 12-character id');
export const impactSchema = z.enum(impacts);
const instant = z.coerce.date({ error: 'must be a date and time like 2025-11-20T10:00:00Z' });
/** Statuspage's limits: name ≤ 255, body ≤ 25,000 characters. */
const name = z.string().trim().min(1, 'must not be empty').max(255);
const body = z.string().max(25000);
/** `{ "<component id>": "<new status>" }`, as in Statuspage's `incident[components]`. */
const componentChanges = z.record(componentIdSchema, componentStatusSchema);

export const openIncidentSchema = z
  .object({
    name,
    status: z.enum(incidentStatuses).default('investigating'),
    body: body.optional(),
    components: componentChanges.default({}),
    /** Components to attach without changing their status. */
    componentIds: z.array(componentIdSchema).default([]),
    impactOverride: impactSchema.nullable().default(null),
    deliverNotifications: z.boolean().default(true),
    /** For a backfilled incident: when it started; its first update is shown at this time. */
    startedAt: instant.optional(),
    backfilled: z.boolean().default(false),
    metadata: metadataSchema.default({}),
  })
  .strict();
export type OpenIncidentInput = z.input<typeof openIncidentSchema>;

export const postIncidentUpdateSchema = z
  .object({
    status: z.enum([...incidentStatuses, ...maintenanceStatuses]),
    body: body.optional(),
    components: componentChanges.default({}),
    displayAt: instant.optional(),
    deliverNotifications: z.boolean().default(true),
  })
  .strict();
export type PostIncidentUpdateInput = z.input<typeof postIncidentUpdateSchema>;

export const editIncidentUpdateSchema = z
  .object({ body: body.min(1), displayAt: instant, deliverNotifications: z.boolean() })
  .partial()
  .strict();
export type EditIncidentUpdateInput = z.input<typeof editIncidentUpdateSchema>;

export const updateIncidentSchema = z
  .object({
    name,
    impactOverride: impactSchema.nullable(),
    componentIds: z.array(componentIdSchema),
    startedAt: instant,
    metadata: metadataSchema,
  })
  .partial()
  .strict();
export type UpdateIncidentInput = z.input<typeof updateIncidentSchema>;

export const scheduleMaintenanceSchema = z
  .object({
    name,
    body: body.optional(),
    scheduledFor: instant,
    scheduledUntil: instant,
    componentIds: z.array(componentIdSchema).default([]),
    remindPrior: z.number().int().min(0).max(10080).default(60),
    autoInProgress: z.boolean().default(true),
    autoCompleted: z.boolean().default(true),
    autoTransitionToMaintenanceState: z.boolean().default(true),
    autoTransitionToOperationalState: z.boolean().default(true),
    autoTransitionDeliverNotificationsAtStart: z.boolean().default(true),
    autoTransitionDeliverNotificationsAtEnd: z.boolean().default(true),
    deliverNotifications: z.boolean().default(true),
    metadata: metadataSchema.default({}),
  })
  .strict()
  .refine((m) => m.scheduledUntil.getTime() > m.scheduledFor.getTime(), { message: 'must end after it starts', path: ['scheduledUntil'] });
export type ScheduleMaintenanceInput = z.input<typeof scheduleMaintenanceSchema>;

/** A maintenance's window and automation, all optional: what a create or a revision may set. */
const scheduleFields = {
  scheduledFor: instant,
  scheduledUntil: instant,
  remindPrior: z.number().int().min(0).max(10080),
  autoInProgress: z.boolean(),
  autoCompleted: z.boolean(),
  autoTransitionToMaintenanceState: z.boolean(),
  autoTransitionToOperationalState: z.boolean(),
  autoTransitionDeliverNotificationsAtStart: z.boolean(),
  autoTransitionDeliverNotificationsAtEnd: z.boolean(),
};
export const scheduleFieldNames = Object.keys(scheduleFields) as (keyof typeof scheduleFields)[];

export const rescheduleMaintenanceSchema = z.object(scheduleFields).partial().strict();
export type RescheduleMaintenanceInput = z.input<typeof rescheduleMaintenanceSchema>;
const updateStatus = z.enum([...incidentStatuses, ...maintenanceStatuses]);

/**
 * One description for Statuspage's one create call: a realtime incident, a maintenance (a window
 * or a maintenance status is given) or a backfilled past incident (`backfilled`, from `startedAt`).
 */
export const createIncidentSchema = z
  .object({
    name,
    status: updateStatus.optional(),
    body: body.optional(),
    components: componentChanges.default({}),
    componentIds: z.array(componentIdSchema).default([]),
    impactOverride: impactSchema.nullable().optional(),
    deliverNotifications: z.boolean().optional(),
    metadata: metadataSchema.optional(),
    backfilled: z.boolean().default(false),
    startedAt: instant.optional(),
    ...z.object(scheduleFields).partial().shape,
  })
  .strict();
export type CreateIncidentInput = z.input<typeof createIncidentSchema>;

/**
 * Statuspage's PATCH of an incident: fields edited in place (name, impact, attached components,
 * metadata, a maintenance's window) and, when a status, a message or component changes are given,
 * a new update.
 */
export const reviseIncidentSchema = z
  .object({
    name,
    impactOverride: impactSchema.nullable(),
    componentIds: z.array(componentIdSchema),
    metadata: metadataSchema,
    status: updateStatus,
    body,
    components: componentChanges,
    deliverNotifications: z.boolean(),
    ...scheduleFields,
  })
  .partial()
  .strict();
export type ReviseIncidentInput = z.input<typeof reviseIncidentSchema>;

export const postmortemDraftSchema = z.object({ body: z.string().min(1).max(100000) }).strict();
export const publishPostmortemSchema = z.object({ notifySubscribers: z.boolean().default(false) }).strict();

/**
 * The operator's translation of an incident into one of the page's other languages: its name, its
 * postmortem and its updates' text by update id. A text left out stays as it was; an empty one
 * removes that translation, so readers get the text as posted.
 */
export const translateIncidentSchema = z
  .object({
    name: z.string().trim().max(255).optional(),
    postmortem: z.string().max(100000).optional(),
    updates: z.record(z.string().regex(/^[0-9a-z]{12}$/, 'must be an update id'), body).optional(),
  })
  .strict();
export type TranslateIncidentInput = z.input<typeof translateIncidentSchema>;
