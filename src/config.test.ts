import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ConfigError, loadConfig } from './config.ts';

test('passwords are hashed at OWASP cost unless AVISO_PASSWORD_COST lowers it within 2^14–2^20', () => {
  assert.equal(loadConfig({}).passwordCost, 17);
  assert.equal(loadConfig({ AVISO_PASSWORD_COST: '14' }).passwordCost, 14);
  assert.throws(
    () => loadConfig({ AVISO_PASSWORD_COST: '10' }),
    (error: unknown) => error instanceof ConfigError && /AVISO_PASSWORD_COST: must be 14 or more/.test(error.message),
  );
  assert.throws(() => loadConfig({ AVISO_PASSWORD_COST: 'high' }), ConfigError);
});
