import { randomBytes } from 'node:crypto';
import type { Actor, Ctx } from '../../shared/context.ts';
import { AppError } from '../../shared/errors.ts';
import { writePrivately } from '../../storage/write.ts';
import { recordAudit } from '../audit/index.ts';
import { insertNewUser } from './create-user.ts';
import type { IdentityClaims } from './identity-provider.ts';
import type { OidcSettings } from './oidc-settings.ts';
import { hashPassword } from './password.ts';
import type { Role } from './role.ts';
import { deleteExpiredSessions } from './session-store.ts';
import { startSession } from './start-session.ts';
import { emailSchema, type User } from './user.ts';
import { findUserByEmail, markLoggedIn, saveUser } from './user-store.ts';

const rank: Record<Exclude<Role, 'owner'>, number> = { viewer: 1, editor: 2, admin: 3 };

/** The highest role the member's claim values map to, if any. */
export function mappedRole(settings: OidcSettings, claims: IdentityClaims): Exclude<Role, 'owner'> | undefined {
  if (settings.roleClaim === undefined) return undefined;
  const raw = claims[settings.roleClaim];
  const values = (Array.isArray(raw) ? raw : [raw]).filter((v): v is string => typeof v === 'string');
  let best: Exclude<Role, 'owner'> | undefined;
  for (const value of values) {
    const role = settings.roleMap[value];
    if (role !== undefined && (best === undefined || rank[role] > rank[best])) best = role;
  }
  return best;
}

/**
 * Signs in the person the team's identity provider vouched for. Their email must be verified by the
 * provider and, when the operator lists domains, at one of them; it links to the member with that
 * email. A person with no member is refused unless the operator lets the provider add members
 * (with the mapped role, else the configured one). With a role mapping, an existing member takes the
 * mapped role on every sign-in (owners are left as they are; no mapped value leaves the role alone).
 * Every sign-in and every refusal is in the audit log.
 */
export async function logInWithIdentityProvider(
  ctx: Ctx,
  settings: OidcSettings,
  input: { claims: IdentityClaims; ip: string },
): Promise<{ sessionToken: string; user: User }> {
  const { claims, ip } = input;
  const now = ctx.clock.now();
  const via = { method: 'oidc', issuer: settings.issuer, subject: claims.sub.slice(0, 200), ip };
  const refuse = async (reason: string, email: string | null, message: string): Promise<never> => {
    await writePrivately(ctx, (tx) =>
      recordAudit(tx, systemSignIn, {
        action: 'user.log_in_refused',
        entityType: 'user',
        entityId: null,
        before: null,
        after: { ...via, email, reason },
        at: now,
      }),
    );
    throw new AppError('forbidden', message);
  };

  const parsedEmail = emailSchema.safeParse(claims['email']);
  if (!parsedEmail.success)
    return refuse('no_email', null, `${settings.name} did not tell Aviso your email address, so you cannot be signed in.`);
  const email = parsedEmail.data;
  const verified = claims['email_verified'] === true || claims['email_verified'] === 'true';
  if (!verified) {
    return refuse('email_not_verified', email, `${settings.name} has not verified ${email}. Verify the address there, then sign in again.`);
  }
  const domain = email.slice(email.lastIndexOf('@') + 1);
  if (settings.allowedDomains.length > 0 && !settings.allowedDomains.includes(domain)) {
    return refuse(
      'domain_not_allowed',
      email,
      `Sign-in with ${settings.name} is open to addresses at ${settings.allowedDomains.join(', ')} only; ${email} is not one of them.`,
    );
  }
  const role = mappedRole(settings, claims);
  const found = await findUserByEmail(ctx.db, email);
  const newRole = settings.newMembers === 'refuse' ? undefined : (role ?? settings.newMembers);
  if (found === undefined && newRole === undefined) {
    return refuse('no_member', email, `No team member uses ${email}. Ask an owner or admin to invite you, then sign in again.`);
  }
  // A member added by the provider gets a random password nobody knows; "Forgot your password?" can set one.
  const passwordHash = found === undefined ? await hashPassword(randomBytes(32).toString('base64url')) : '';

  return writePrivately(ctx, async (tx) => {
    let user: User;
    if (found === undefined) {
      const name = typeof claims['name'] === 'string' && claims['name'].trim() !== '' ? claims['name'].trim().slice(0, 100) : email;
      user = await insertNewUser(tx, { email, name, role: newRole! }, passwordHash, now, { actor: systemSignIn, action: 'user.create' });
    } else {
      user = found.user;
      if (role !== undefined && user.role !== 'owner' && user.role !== role) {
        const changed = { ...user, role };
        await saveUser(tx, changed, now);
        await recordAudit(tx, systemSignIn, {
          action: 'user.change_role',
          entityType: 'user',
          entityId: user.id,
          before: user,
          after: { ...changed, ...via },
          at: now,
        });
        user = changed;
      }
    }
    await deleteExpiredSessions(tx, now);
    await markLoggedIn(tx, user.id, now);
    const actor: Actor = { kind: 'user', id: user.id, name: user.name };
    await recordAudit(tx, actor, { action: 'user.log_in', entityType: 'user', entityId: user.id, before: null, after: via, at: now });
    const sessionToken = await startSession({ db: tx, clock: ctx.clock }, user.id, 'oidc');
    return { sessionToken, user: { ...user, lastLoginAt: now } };
  });
}

/** Who acts when the identity provider's answer adds a member or changes a role. */
const systemSignIn: Actor = { kind: 'system', id: null, name: 'Single sign-on' };
