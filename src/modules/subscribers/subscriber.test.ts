import assert from 'node:assert/strict';
import { test } from 'node:test';
import { addressKey } from './subscriber.ts';

test('an email address is one subscriber whatever its case; an incident subscription is apart', () => {
  assert.equal(addressKey('email', ' Ann@Example.COM ', null), addressKey('email', 'ann@example.com', null));
  assert.notEqual(addressKey('email', 'ann@example.com', 'abcdefghijkl'), addressKey('email', 'ann@example.com', null));
});
