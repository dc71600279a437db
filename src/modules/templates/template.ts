import { z } from 'zod';
import { componentIdSchema } from '../components/index.ts';
import { incidentStatuses, maintenanceStatuses, type UpdateStatus } from '../incidents/index.ts';

/** A prepared incident: an operator picks it and gets the title, text, status and components filled in. */
export interface IncidentTemplate {
  id: string;
  /** As listed among the templates. */
  name: string;
  /** The incident's name when the template is used. */
  title: string;
  body: string;
  updateStatus: UpdateStatus;
  componentIds: string[];
  shouldSendNotifications: boolean;
  shouldTweet: boolean;
  /** Statuspage's template group; kept for compatibility. */
  groupId: string | null;
  createdAt: Date;
  updatedAt: Date;
}

const fields = {
  name: z.string().trim().min(1, 'must not be empty').max(255),
  title: z.string().trim().min(1, 'must not be empty').max(255),
  body: z.string().max(25000),
  updateStatus: z.enum([...incidentStatuses, ...maintenanceStatuses]),
  componentIds: z.array(componentIdSchema).max(500),
  shouldSendNotifications: z.boolean(),
  shouldTweet: z.boolean(),
  groupId: z.string().max(50).nullable(),
};

export const createTemplateSchema = z
  .object({
    ...fields,
    body: fields.body.default(''),
    updateStatus: fields.updateStatus.default('investigating'),
    componentIds: fields.componentIds.default([]),
    shouldSendNotifications: fields.shouldSendNotifications.default(true),
    shouldTweet: fields.shouldTweet.default(false),
    groupId: fields.groupId.default(null),
  })
  .strict();
export type CreateTemplateInput = z.input<typeof createTemplateSchema>;

export const updateTemplateSchema = z.object(fields).partial().strict();
export type UpdateTemplateInput = z.input<typeof updateTemplateSchema>;
