import assert from 'node:assert/strict';
import { test } from 'node:test';
import { addressKey, isPublicEndpoint } from './subscriber.ts';

test('visitors may not point a webhook into Aviso’s own network', () => {
  for (const url of ['https://hooks.example.com/x', 'http://203.0.113.9/x', 'https://[2001:db8::1]/x'])
    assert.equal(isPublicEndpoint(url), true, url);
  for (const url of [
    'http://localhost:3000/',
    'http://127.0.0.1/',
    'http://10.1.2.3/',
    'http://172.20.0.1/',
    'http://192.168.1.1/',
    'http://169.254.169.254/latest',
    'http://[::1]/',
    'http://[fd00::1]/',
    'http://intranet/',
    'http://db.internal/',
  ]) {
    assert.equal(isPublicEndpoint(url), false, url);
  }
});

test('an email address is one subscriber whatever its case; an incident subscription is apart', () => {
  assert.equal(addressKey('email', ' Ann@Example.COM ', null), addressKey('email', 'ann@example.com', null));
  assert.notEqual(addressKey('email', 'ann@example.com', 'abcdefghijkl'), addressKey('email', 'ann@example.com', null));
});
