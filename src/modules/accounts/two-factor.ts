import { randomBytes } from 'node:crypto';
import { Secret, TOTP } from 'otpauth';
import { hashSecret } from './secret.ts';

/** Ten recovery codes, each usable once, for a member who lost their authenticator. */
export const recoveryCodeCount = 10;

function totp(secret: string, label: string): TOTP {
  return new TOTP({ issuer: 'Aviso', label, secret: Secret.fromBase32(secret), algorithm: 'SHA1', digits: 6, period: 30 });
}

export function newTotpSecret(): string {
  return new Secret({ size: 20 }).base32;
}

/** The `otpauth://` address an authenticator app reads (from a QR code or typed in). */
export function totpUri(secret: string, email: string): string {
  return totp(secret, email).toString();
}

/** The 30-second step a right 6-digit code belongs to (one period either side, for clocks that drift), or null. */
export function totpStepOf(secret: string, code: string, now: Date): number | null {
  const token = code.replace(/\s+/g, '');
  if (!/^\d{6}$/.test(token)) return null;
  const delta = totp(secret, '').validate({ token, timestamp: now.getTime(), window: 1 });
  return delta === null ? null : Math.floor(now.getTime() / 30_000) + delta;
}

/** Whether a 6-digit code is right at this time, one period either side for clocks that drift. */
export function isTotpCodeRight(secret: string, code: string, now: Date): boolean {
  return totpStepOf(secret, code, now) !== null;
}

/** The code an authenticator shows at a time (tests act as the member's app). */
export function totpCodeAt(secret: string, at: Date): string {
  return totp(secret, '').generate({ timestamp: at.getTime() });
}

/** New recovery codes (`xxxxx-xxxxx`) and the hashes that are stored in their place. */
export function newRecoveryCodes(): { codes: string[]; hashes: string[] } {
  const codes = Array.from({ length: recoveryCodeCount }, () => {
    const text = randomBytes(8).toString('hex').slice(0, 10);
    return `${text.slice(0, 5)}-${text.slice(5)}`;
  });
  return { codes, hashes: codes.map(hashRecoveryCode) };
}

export function hashRecoveryCode(code: string): string {
  return hashSecret(code.trim().toLowerCase().replace(/\s+/g, ''));
}
