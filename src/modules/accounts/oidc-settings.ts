import type { Role } from './role.ts';

/** Sign-in through the team's OpenID Connect provider, as the operator configured it. */
export interface OidcSettings {
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** The provider's name on the login button ("Sign in with <name>"). */
  name: string;
  /** Email domains allowed to sign in (lower case); empty allows every domain. */
  allowedDomains: readonly string[];
  /** The claim holding the member's groups or roles (a string or an array of strings). */
  roleClaim: string | undefined;
  /** A claim value → the role it gives; the highest role among the member's values wins. Never owner. */
  roleMap: Readonly<Record<string, Exclude<Role, 'owner'>>>;
  /** What happens to a verified email with no member: refused, or a new member with this role. */
  newMembers: 'refuse' | Exclude<Role, 'owner'>;
}
