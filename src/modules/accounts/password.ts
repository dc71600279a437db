import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';

/**
 * scrypt cost, OWASP's current minimum: N = 2^17, r = 8, p = 1, so 2^17 × 8 × 128 bytes = 128 MiB
 * and about 0.3–0.5 s per guess on a server core. Node's default `maxmem` (32 MiB) would refuse it,
 * so it is raised to what the parameters need. Hashing runs on libuv's thread pool (the callback
 * form of crypto.scrypt), never on the event loop.
 */
export const scryptCost = { N: 2 ** 17, r: 8, p: 1 };
let defaults = scryptCost;

/**
 * Hashes from now on use N = 2^log2N (AVISO_PASSWORD_COST, read by the config and set by the server and
 * the command line at start). A hash made at another cost still checks, and is replaced at the next login.
 */
export function usePasswordCost(log2N: number): void {
  if (!Number.isInteger(log2N) || log2N < 14 || log2N > 20) throw new RangeError(`scrypt cost 2^${log2N} is outside 2^14–2^20`);
  defaults = { ...scryptCost, N: 2 ** log2N };
  nothing = undefined;
}
const keyLength = 64;

function derive(password: string, salt: Buffer, params: { N: number; r: number; p: number }): Promise<Buffer> {
  const options: ScryptOptions = { ...params, maxmem: 128 * params.N * params.r * params.p + 16 * 1024 * 1024 };
  return new Promise((resolve, reject) => {
    scrypt(password.normalize('NFKC'), salt, keyLength, options, (error, key) => (error ? reject(error) : resolve(key)));
  });
}

/** `scrypt$N$r$p$salt$hash` (base64url): the parameters are kept so they can be raised later. */
export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await derive(password, salt, defaults);
  return ['scrypt', defaults.N, defaults.r, defaults.p, salt.toString('base64url'), key.toString('base64url')].join('$');
}

function parametersOf(stored: string): { N: number; r: number; p: number; salt: string; hash: string } | undefined {
  const [scheme, n, r, p, salt, hash] = stored.split('$');
  if (scheme !== 'scrypt' || salt === undefined || hash === undefined) return undefined;
  const params = { N: Number(n), r: Number(r), p: Number(p) };
  // A stored hash is trusted data, but a corrupt one must not ask for gigabytes.
  if (![params.N, params.r, params.p].every(Number.isSafeInteger) || params.N > 2 ** 20 || params.r > 32 || params.p > 4) return undefined;
  return { ...params, salt, hash };
}

/** Whether a hash was made with weaker parameters than today's; the next successful login replaces it. */
export function needsRehash(stored: string): boolean {
  const params = parametersOf(stored);
  return params === undefined || params.N < defaults.N || params.r < defaults.r || params.p < defaults.p;
}

/** Checks a password against a hash with the parameters stored in it, whatever they were. */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const parsed = parametersOf(stored);
  if (parsed === undefined) return false;
  const { N: n, r, p, salt, hash } = parsed;
  const expected = Buffer.from(hash, 'base64url');
  const key = await derive(password, Buffer.from(salt, 'base64url'), { N: Number(n), r: Number(r), p: Number(p) });
  return key.length === expected.length && timingSafeEqual(key, expected);
}

/** A hash of a password nobody has, with today's parameters (made once): checking against it costs what a real check costs. */
let nothing: Promise<string> | undefined;

/** Spends the same time as a real check, so an unknown email cannot be told apart by the delay. */
export async function verifyAgainstNothing(password: string): Promise<false> {
  nothing ??= hashPassword(randomBytes(24).toString('base64url'));
  await verifyPassword(password, await nothing);
  return false;
}
