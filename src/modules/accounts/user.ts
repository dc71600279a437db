import { z } from 'zod';
import type { Locale } from '../../shared/locales.ts';
import { roleSchema, type Role } from './role.ts';

export interface User {
  id: string;
  email: string;
  name: string;
  role: Role;
  createdAt: Date;
  lastLoginAt: Date | null;
  /** The language the member chose for the admin; null follows their browser's languages. */
  locale: Locale | null;
}

export const emailSchema = z
  .email('must be an email address')
  .max(254)
  .transform((e) => e.trim().toLowerCase());
export const passwordSchema = z.string().min(10, 'must be at least 10 characters').max(200, 'must be at most 200 characters');
export const personNameSchema = z.string().trim().min(1, 'must not be empty').max(100);

export const createUserSchema = z
  .object({ email: emailSchema, name: personNameSchema, password: passwordSchema, role: roleSchema })
  .strict();
export type CreateUserInput = z.input<typeof createUserSchema>;

export const newAccountSchema = z.object({ name: personNameSchema, password: passwordSchema }).strict();

/** Sessions last 14 days from the last request. */
export const sessionLifetimeMs = 14 * 24 * 3600_000;
/** Setup and invite links work for 7 days. */
export const linkLifetimeMs = 7 * 24 * 3600_000;
