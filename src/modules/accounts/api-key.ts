import { z } from 'zod';

/**
 * What a key may do: `read` reads the page's content, `write` changes it too, `admin` also reads and
 * manages subscribers' data (emails, webhook URLs), API keys, and the addresses members logged in from.
 */
export const apiKeyScopes = ['read', 'write', 'admin'] as const;
export type ApiKeyScope = (typeof apiKeyScopes)[number];

export interface ApiKeyInfo {
  id: string;
  name: string;
  scope: ApiKeyScope;
  /** The key's first characters (`avk_AbCd…`), enough to recognise it in a list. */
  prefix: string;
  createdAt: Date;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
  /** The user who created it; null when made from the command line. */
  createdBy: string | null;
}

export const apiKeyPrefix = 'avk_';

export const createApiKeySchema = z
  .object({
    name: z.string().trim().min(1, 'must not be empty').max(100),
    scope: z.enum(apiKeyScopes, { error: 'must be "read", "write" or "admin"' }),
  })
  .strict();
export type CreateApiKeyInput = z.input<typeof createApiKeySchema>;

/** A key's last use is written at most this often, so reads stay cheap. */
export const lastUsedResolutionMs = 60_000;
