import { z } from 'zod';
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
    metadata: z.record(z.string(), z.unknown()).default({}),
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
    metadata: z.record(z.string(), z.unknown()),
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
    metadata: z.record(z.string(), z.unknown()).default({}),
  })
  .strict()
  .refine((m) => m.scheduledUntil.getTime() > m.scheduledFor.getTime(), { message: 'must end after it starts', path: ['scheduledUntil'] });
export type ScheduleMaintenanceInput = z.input<typeof scheduleMaintenanceSchema>;

export const postmortemDraftSchema = z.object({ body: z.string().min(1).max(100000) }).strict();
export const publishPostmortemSchema = z.object({ notifySubscribers: z.boolean().default(false) }).strict();
