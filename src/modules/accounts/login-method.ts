/** How a session was opened: a password (with its code when the member has one), a passkey, or the identity provider. */
export type LoginMethod = 'password' | 'passkey' | 'oidc';

/** Sessions opened before the method was recorded were password logins. */
export function asLoginMethod(value: string | null): LoginMethod {
  return value === 'passkey' || value === 'oidc' ? value : 'password';
}
