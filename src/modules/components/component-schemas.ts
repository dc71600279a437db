import { z } from 'zod';
import { supportedLocales } from '../../shared/locales.ts';
import { componentStatuses, statusCauses } from './component.ts';

export const componentIdSchema = z.string().regex(/^[0-9a-z]{12}$/, 'must be a 12-character id');
export const componentStatusSchema = z.enum(componentStatuses);
export const statusCauseSchema = z.enum(statusCauses);
export const isoDateSchema = z.iso.date({ error: 'must be a date like 2025-09-01' });

const thirdPartySchema = z
  .object({ sourceUrl: z.url(), componentId: z.string().min(1).max(64) })
  .strict()
  .nullable();

/**
 * The operator's translations by language, each replacing what was stored for that language; an
 * empty text (or an empty language) removes that translation, and the reader gets the default language's.
 */
export const componentTranslationsSchema = z.partialRecord(
  z.enum(supportedLocales, { error: `must be one of ${supportedLocales.join(', ')}` }),
  z
    .object({
      name: z.string().trim().max(255).optional(),
      description: z.string().trim().max(2000).optional(),
    })
    .strict(),
);

export const createComponentSchema = z
  .object({
    name: z.string().trim().min(1).max(255),
    description: z.string().max(2000).nullable().optional(),
    status: componentStatusSchema.default('operational'),
    groupId: componentIdSchema.nullable().optional(),
    position: z.number().int().min(1).optional(),
    showcase: z.boolean().default(true),
    onlyShowIfDegraded: z.boolean().default(false),
    startDate: isoDateSchema.nullable().optional(),
    thirdParty: thirdPartySchema.optional(),
    translations: componentTranslationsSchema.optional(),
  })
  .strict();
export type CreateComponentInput = z.input<typeof createComponentSchema>;

export const createComponentGroupSchema = z
  .object({
    name: z.string().trim().min(1).max(255),
    description: z.string().max(2000).nullable().optional(),
    componentIds: z.array(componentIdSchema).min(1, 'a group needs at least one component'),
    position: z.number().int().min(1).optional(),
    showcase: z.boolean().default(true),
    translations: componentTranslationsSchema.optional(),
  })
  .strict();
export type CreateComponentGroupInput = z.input<typeof createComponentGroupSchema>;

export const updateComponentGroupSchema = z
  .object({
    name: z.string().trim().min(1).max(255),
    description: z.string().max(2000).nullable(),
    /** The group's members, exactly and in this order; components left out move to the top level. */
    componentIds: z.array(componentIdSchema).min(1, 'a group needs at least one component'),
    showcase: z.boolean(),
    translations: componentTranslationsSchema,
  })
  .partial()
  .strict();
export type UpdateComponentGroupInput = z.input<typeof updateComponentGroupSchema>;

export const moveComponentSchema = z.enum(['up', 'down']);
export type MoveDirection = z.infer<typeof moveComponentSchema>;

export const updateComponentSchema = z
  .object({
    name: z.string().trim().min(1).max(255),
    description: z.string().max(2000).nullable(),
    status: componentStatusSchema,
    groupId: componentIdSchema.nullable(),
    position: z.number().int().min(1),
    showcase: z.boolean(),
    onlyShowIfDegraded: z.boolean(),
    startDate: isoDateSchema.nullable(),
    thirdParty: thirdPartySchema,
    translations: componentTranslationsSchema,
  })
  .partial()
  .strict();
export type UpdateComponentInput = z.input<typeof updateComponentSchema>;
