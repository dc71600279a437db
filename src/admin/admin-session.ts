import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AppDeps } from '../app-deps.ts';
import { authenticateSession, type User } from '../modules/accounts/index.ts';
import type { Actor } from '../shared/context.ts';
import { AppError } from '../shared/errors.ts';

export const sessionCookie = 'aviso_session';
/** Ties the forms shown before login (login, setup, invite) to the browser that loaded them. */
export const formCookie = 'aviso_form';

export interface AdminSession {
  user: User;
  actor: Actor;
  csrfToken: string;
  /** The team requires a second factor and this member has none yet: only its setup is open to them. */
  mustSetUpTwoFactor: boolean;
}

const sessions = new WeakMap<FastifyRequest, AdminSession>();

export function sessionOf(request: FastifyRequest): AdminSession {
  const session = sessions.get(request);
  if (session === undefined) throw new AppError('unauthorized', 'Log in to continue.');
  return session;
}

export function maybeSessionOf(request: FastifyRequest): AdminSession | null {
  return sessions.get(request) ?? null;
}

/** Finds the signed-in member from the session cookie and remembers it for the request. */
export async function loadSession(deps: AppDeps, request: FastifyRequest): Promise<AdminSession | null> {
  const token = request.cookies[sessionCookie];
  if (token === undefined || token === '') return null;
  const found = await authenticateSession(deps.ctx, token);
  if (found === null) return null;
  const session: AdminSession = {
    user: found.user,
    actor: found.actor,
    csrfToken: found.csrfToken,
    mustSetUpTwoFactor: found.mustSetUpTwoFactor,
  };
  sessions.set(request, session);
  return session;
}

export function cookieOptions(request: FastifyRequest, maxAgeSeconds?: number) {
  return {
    path: '/admin',
    httpOnly: true,
    sameSite: 'lax' as const,
    secure: request.protocol === 'https',
    ...(maxAgeSeconds !== undefined && { maxAge: maxAgeSeconds }),
  };
}

function same(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

function submittedToken(request: FastifyRequest): string {
  const body = request.body as Record<string, unknown> | undefined;
  const value = body?.['_csrf'];
  return typeof value === 'string' ? value : '';
}

/** Refuses a POST whose form does not carry the session's CSRF token. */
export function checkSessionCsrf(request: FastifyRequest, session: AdminSession): void {
  if (!same(submittedToken(request), session.csrfToken)) {
    throw new AppError('forbidden', 'This form has expired or did not come from Aviso. Reload the page and try again.');
  }
}

/** The token for a form shown before login: reused from the cookie, or a new one set now. */
export function anonymousFormToken(request: FastifyRequest, reply: FastifyReply): string {
  const existing = request.cookies[formCookie];
  if (existing !== undefined && /^[A-Za-z0-9_-]{32,}$/.test(existing)) return existing;
  const token = randomBytes(24).toString('base64url');
  reply.setCookie(formCookie, token, cookieOptions(request));
  return token;
}

export function checkAnonymousCsrf(request: FastifyRequest): void {
  const cookie = request.cookies[formCookie] ?? '';
  if (cookie === '' || !same(submittedToken(request), cookie)) {
    throw new AppError('forbidden', 'This form has expired or did not come from Aviso. Reload the page and try again.');
  }
}

/** Only paths inside the admin app may be a redirect target after login. */
export function safeNext(value: unknown): string {
  return typeof value === 'string' && /^\/admin(\/[^/\\]|$|\?)/.test(value) && !value.includes('//') ? value : '/admin';
}
