import { z } from 'zod';
import { supportedLocales } from '../../shared/locales.ts';
import { channels } from './subscriber.ts';

const endpoint = z.url({ protocol: /^https?$/, error: 'must be an http:// or https:// URL' }).max(2000);

/** A new subscription: an email address or an endpoint, and what it follows. */
export const subscribeSchema = z
  .object({
    channel: z.enum(channels).default('email'),
    address: z.string().trim().min(3).max(2000),
    componentIds: z
      .array(z.string().regex(/^[0-9a-z]{12}$/))
      .max(500)
      .default([]),
    incidentId: z
      .string()
      .regex(/^[0-9a-z]{12}$/)
      .nullable()
      .default(null),
    locale: z.enum(supportedLocales).default('en'),
    notifyEmail: z.email().max(320).nullable().default(null),
  })
  .superRefine((value, ctx) => {
    const ok = value.channel === 'email' ? z.email().max(320).safeParse(value.address).success : endpoint.safeParse(value.address).success;
    if (!ok)
      ctx.addIssue({
        code: 'custom',
        path: ['address'],
        message: value.channel === 'email' ? 'must be an email address' : 'must be an http:// or https:// URL',
      });
  });
export type SubscribeInput = z.input<typeof subscribeSchema>;
export type SubscribeData = z.output<typeof subscribeSchema>;
