import assert from 'node:assert/strict';
import { randomBytes, scryptSync } from 'node:crypto';
import { afterEach, beforeEach, describe, test } from 'node:test';
import { createTestContext, type TestContext } from '../../../test/support/test-context.ts';
import { createUser, logIn, usePasswordCost, verifyPassword } from './index.ts';

const password = 'correct horse battery';

/** A hash as Aviso made them before the cost was raised: N = 2^15. */
function oldHash(secret: string): string {
  const salt = randomBytes(16);
  const key = scryptSync(secret.normalize('NFKC'), salt, 64, { N: 2 ** 15, r: 8, p: 1, maxmem: 64 * 1024 * 1024 });
  return ['scrypt', 2 ** 15, 8, 1, salt.toString('base64url'), key.toString('base64url')].join('$');
}

describe('password hashing at OWASP cost', () => {
  let t: TestContext;
  beforeEach(async () => {
    // The suite hashes at 2^14 to save time (scripts/test.ts); these tests prove the cost a server uses by default.
    usePasswordCost(17);
    t = await createTestContext();
  });
  afterEach(() => t.close());

  const storedHash = async () => (await t.ctx.db.selectFrom('users').select('passwordHash').executeTakeFirstOrThrow()).passwordHash;

  test('an older hash still logs in with its own parameters and is replaced by one at N=2^17 on that login', async () => {
    const user = await createUser(t.ctx, { email: 'ana@example.com', name: 'Ana', password, role: 'editor' });
    const legacy = oldHash(password);
    await t.ctx.db.updateTable('users').set({ passwordHash: legacy }).where('id', '=', user.id).execute();

    // A wrong password changes nothing.
    await assert.rejects(logIn(t.ctx, { email: 'ana@example.com', password: 'not the password', ip: '192.0.2.1' }), /not right/);
    assert.equal(await storedHash(), legacy);

    await logIn(t.ctx, { email: 'ana@example.com', password, ip: '192.0.2.1' });
    const upgraded = await storedHash();
    assert.match(upgraded, /^scrypt\$131072\$8\$1\$[\w-]{22}\$[\w-]{86}$/);
    assert.equal(await verifyPassword(password, upgraded), true);
    assert.equal(await verifyPassword('not the password', upgraded), false);

    // The next login keeps the new hash.
    await logIn(t.ctx, { email: 'ana@example.com', password, ip: '192.0.2.1' });
    assert.equal(await storedHash(), upgraded);
  });

  test('hashing runs off the event loop: timers keep firing while four passwords are checked', async () => {
    const hash = await verifyPassword(password, oldHash(password))
      .then(() => createUser(t.ctx, { email: 'bo@example.com', name: 'Bo', password, role: 'viewer' }))
      .then(storedHash);
    let longestGap = 0;
    let last = performance.now();
    const timer = setInterval(() => {
      const now = performance.now();
      longestGap = Math.max(longestGap, now - last);
      last = now;
    }, 5);
    const started = performance.now();
    const results = await Promise.all([1, 2, 3, 4].map(() => verifyPassword(password, hash)));
    const took = performance.now() - started;
    clearInterval(timer);
    assert.deepEqual(results, [true, true, true, true]);
    // Each check takes hundreds of milliseconds of CPU; the loop never waits for one of them.
    assert.ok(took > 200, `four checks at N=2^17 took ${took.toFixed(0)} ms`);
    assert.ok(longestGap < took / 2, `the event loop stalled for ${longestGap.toFixed(0)} ms of ${took.toFixed(0)} ms`);
  });

  test('a corrupt stored hash is refused rather than asked to use gigabytes', async () => {
    assert.equal(await verifyPassword(password, 'scrypt$1073741824$8$1$AAAAAAAAAAAAAAAAAAAAAA$AAAA'), false);
    assert.equal(await verifyPassword(password, 'bcrypt$whatever'), false);
  });

  test('a lower AVISO_PASSWORD_COST hashes new passwords at it, and keeps a stronger hash on login', async () => {
    const strong = await createUser(t.ctx, { email: 'ana@example.com', name: 'Ana', password, role: 'editor' });
    const strongHash = await storedHash();
    usePasswordCost(14);
    await createUser(t.ctx, { email: 'bo@example.com', name: 'Bo', password, role: 'viewer' });
    const weaker = await t.ctx.db
      .selectFrom('users')
      .select('passwordHash')
      .where('email', '=', 'bo@example.com')
      .executeTakeFirstOrThrow();
    assert.match(weaker.passwordHash, /^scrypt\$16384\$8\$1\$/);
    await logIn(t.ctx, { email: 'ana@example.com', password, ip: '192.0.2.1' });
    const kept = await t.ctx.db.selectFrom('users').select('passwordHash').where('id', '=', strong.id).executeTakeFirstOrThrow();
    assert.equal(kept.passwordHash, strongHash, 'a hash at 2^17 is not weakened by a login');
    assert.throws(() => usePasswordCost(10), /outside 2\^14–2\^20/);
  });
});
