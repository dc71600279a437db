import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/** A random token of 32 bytes, URL-safe; used for API keys, sessions, setup and invite links. */
export function newSecret(bytes = 32): string {
  return randomBytes(bytes).toString('base64url');
}

/** Secrets are 32 random bytes, so a fast hash is enough: guessing the input is the hard part. */
export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret, 'utf8').digest('hex');
}

/** Compares two strings without leaking, through timing, where they first differ. */
export function safeEqual(a: string, b: string): boolean {
  const left = Buffer.from(a, 'utf8');
  const right = Buffer.from(b, 'utf8');
  if (left.length !== right.length) {
    timingSafeEqual(left, left);
    return false;
  }
  return timingSafeEqual(left, right);
}
