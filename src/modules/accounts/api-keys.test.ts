import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, test } from 'node:test';
import { createTestContext, type TestContext } from '../../../test/support/test-context.ts';
import { apiKeyFromAuthorization, authenticateApiKey, createApiKey, listApiKeys, revokeApiKey } from './index.ts';

describe('API keys', () => {
  let t: TestContext;
  beforeEach(async () => {
    t = await createTestContext();
  });
  afterEach(() => t.close());

  test('a new key is shown once, authenticates with its scope, and is listed without the secret', async () => {
    const { key, info } = await createApiKey(t.ctx, { name: 'Deploy bot', scope: 'write' });
    assert.match(key, /^avk_[A-Za-z0-9_-]{43}$/);
    assert.ok(key.startsWith(info.prefix));
    const auth = await authenticateApiKey(t.ctx, key);
    assert.deepEqual(auth, { actor: { kind: 'api_key', id: info.id, name: 'Deploy bot' }, scope: 'write', keyId: info.id });
    const listed = await listApiKeys(t.ctx);
    assert.equal(listed.length, 1);
    assert.equal(JSON.stringify(listed).includes(key), false);
    const stored = await t.ctx.db.selectFrom('apiKeys').selectAll().execute();
    assert.equal(JSON.stringify(stored).includes(key), false, 'the raw key is never stored');
  });

  test('an unknown, malformed or revoked key is refused', async () => {
    const { key, info } = await createApiKey(t.ctx, { name: 'Reader', scope: 'read' });
    assert.equal(await authenticateApiKey(t.ctx, `${key}x`), null);
    assert.equal(await authenticateApiKey(t.ctx, 'not-a-key'), null);
    assert.equal((await authenticateApiKey(t.ctx, key))?.scope, 'read');
    const revoked = await revokeApiKey(t.ctx, info.id);
    assert.deepEqual(revoked.revokedAt, t.clock.now());
    assert.equal(await authenticateApiKey(t.ctx, key), null);
    await assert.rejects(revokeApiKey(t.ctx, 'nosuchkey000'), { code: 'api_key_not_found' });
  });

  test('the last use is recorded, at most once a minute', async () => {
    const { key, info } = await createApiKey(t.ctx, { name: 'Monitor', scope: 'read' });
    const first = t.clock.now();
    await authenticateApiKey(t.ctx, key);
    t.clock.advance(30_000);
    await authenticateApiKey(t.ctx, key);
    assert.deepEqual((await listApiKeys(t.ctx)).find((k) => k.id === info.id)?.lastUsedAt, first);
    t.clock.advance(31_000);
    await authenticateApiKey(t.ctx, key);
    assert.deepEqual((await listApiKeys(t.ctx)).find((k) => k.id === info.id)?.lastUsedAt, t.clock.now());
  });

  test('a bad name or scope is refused naming the field', async () => {
    await assert.rejects(createApiKey(t.ctx, { name: ' ', scope: 'write' }), (e: any) => e.issues[0].path[0] === 'name');
    await assert.rejects(createApiKey(t.ctx, { name: 'x', scope: 'owner' as never }), (e: any) => e.issues[0].path[0] === 'scope');
  });

  test('the key is read from OAuth and Bearer authorization headers', () => {
    assert.equal(apiKeyFromAuthorization('OAuth avk_abc'), 'avk_abc');
    assert.equal(apiKeyFromAuthorization('Bearer avk_abc'), 'avk_abc');
    assert.equal(apiKeyFromAuthorization('Basic dXNlcg=='), null);
    assert.equal(apiKeyFromAuthorization(undefined), null);
  });
});
