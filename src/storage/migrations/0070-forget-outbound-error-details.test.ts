import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createTestDatabase } from '../../../test/support/test-db.ts';
import { up } from './0070-forget-outbound-error-details.ts';

test('errors recorded with an internal address and port lose the details; other errors stay as they were', async (t) => {
  const database = await createTestDatabase();
  t.after(() => database.close());
  const at = '2025-11-20T12:00:00.000Z';
  const subscriber = (id: string, lastError: string) => ({
    id,
    channel: 'webhook',
    address: `https://${id}.example.com/hook`,
    addressKey: `webhook:${id}`,
    scope: 'page',
    incidentId: null,
    state: 'active',
    locale: 'en',
    tokenKey: 'k',
    signingSecret: null,
    notifyEmail: null,
    failureCount: 1,
    lastFailureAt: at,
    lastError,
    confirmedAt: at,
    quarantinedAt: null,
    purgeAt: null,
    unsubscribedAt: null,
    createdAt: at,
    updatedAt: at,
  });
  await database.db
    .insertInto('subscribers')
    .values([
      subscriber('aaaaaaaaaaaa', 'the request failed: connect ECONNREFUSED 127.0.0.1:37923'),
      subscriber('bbbbbbbbbbbb', 'the endpoint answered 500'),
    ])
    .execute();
  const delivery = (key: string, lastError: string) => ({
    idempotencyKey: key,
    eventId: 'e',
    eventKind: 'incident.updated',
    subscriberId: 'aaaaaaaaaaaa',
    channel: 'webhook',
    status: 'retrying',
    attempts: 1,
    messageId: null,
    claimedBy: null,
    lastError,
    createdAt: at,
    updatedAt: at,
    sentAt: null,
  });
  await database.db
    .insertInto('deliveries')
    .values([delivery('one', 'the request failed: getaddrinfo ENOTFOUND db.internal'), delivery('two', 'no answer within 30 s')])
    .execute();

  await up(database.db);
  await up(database.db);

  const errors = async (table: 'subscribers' | 'deliveries') =>
    (await database.db.selectFrom(table).select('lastError').orderBy('lastError').execute()).map((r) => r.lastError);
  assert.deepEqual(await errors('subscribers'), ['the endpoint answered 500', 'the request failed']);
  assert.deepEqual(await errors('deliveries'), ['no answer within 30 s', 'the request failed']);
});
