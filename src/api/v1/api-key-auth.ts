import type { FastifyRequest } from 'fastify';
import type { AppDeps } from '../../app-deps.ts';
import { apiKeyFromAuthorization, authenticateApiKey, type ApiKeyScope } from '../../modules/accounts/index.ts';
import type { Actor, Ctx } from '../../shared/context.ts';
import { AppError } from '../../shared/errors.ts';

export interface ApiCaller {
  actor: Actor;
  scope: ApiKeyScope;
  keyId: string;
  /** The per-request context: the system's, acting as this key, so the audit log records it. */
  ctx: Ctx;
}

const readMethods = new Set(['GET', 'HEAD', 'OPTIONS']);

/** The raw key from `Authorization: OAuth|Bearer <key>` or, as Statuspage allows, `?api_key=`. */
export function rawApiKey(request: FastifyRequest): string | null {
  const fromHeader = apiKeyFromAuthorization(request.headers.authorization);
  if (fromHeader !== null) return fromHeader;
  const query = request.query as Record<string, unknown> | undefined;
  const fromQuery = query?.api_key;
  return typeof fromQuery === 'string' && fromQuery !== '' ? fromQuery : null;
}

/**
 * Resolves the request's API key; refuses a missing or unknown key (401) and a read-only key on
 * anything but a read (403), before the body is even parsed.
 */
export async function authenticateRequest(request: FastifyRequest, deps: AppDeps): Promise<ApiCaller> {
  const raw = rawApiKey(request);
  if (raw === null) {
    throw new AppError('unauthorized', 'An API key is required: send "Authorization: OAuth <key>" (or "Bearer <key>").');
  }
  const found = await authenticateApiKey(deps.ctx, raw);
  if (found === null) throw new AppError('unauthorized', 'The API key is not valid or has been revoked.');
  if (!readMethods.has(request.method) && found.scope === 'read') {
    throw new AppError('forbidden', 'This API key is read-only; changes need a read-write key.');
  }
  return { ...found, ctx: { ...deps.ctx, actor: found.actor } };
}

/**
 * Subscribers' data (emails and webhook URLs, which can be secrets), API keys and members' login
 * addresses are for owners and admins: through the APIs, only a key with the `admin` scope reaches them.
 */
export function requireAdminScope(caller: Pick<ApiCaller, 'scope'>, what: string): void {
  if (caller.scope !== 'admin') {
    throw new AppError('forbidden', `${what} needs an API key with the admin scope; this key's scope is "${caller.scope}".`);
  }
}
