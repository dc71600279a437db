import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ConfigError, loadConfig } from './config.ts';

const base = { AVISO_EXAMPLE: 'none' };
const provider = {
  AVISO_OIDC_ISSUER: 'https://idp.example.com/realms/ops',
  AVISO_OIDC_CLIENT_ID: 'aviso',
  AVISO_OIDC_CLIENT_SECRET: 's3cret',
};

function problemsOf(env: Record<string, string>): string[] {
  try {
    loadConfig({ ...base, ...env });
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  return [];
}

test('OIDC sign-in is off without an issuer, and refuses new people unless the operator opts in', () => {
  assert.equal(loadConfig(base).oidc, undefined);
  const oidc = loadConfig({
    ...base,
    ...provider,
    AVISO_OIDC_ALLOWED_DOMAINS: 'Example.com, @ops.example.com',
    AVISO_OIDC_ROLE_CLAIM: 'groups',
    AVISO_OIDC_ROLE_MAP: 'aviso-admins=admin, sre=editor',
  }).oidc;
  assert.deepEqual(oidc, {
    issuer: provider.AVISO_OIDC_ISSUER,
    clientId: 'aviso',
    clientSecret: 's3cret',
    name: 'single sign-on',
    allowedDomains: ['example.com', 'ops.example.com'],
    roleClaim: 'groups',
    roleMap: { 'aviso-admins': 'admin', sre: 'editor' },
    newMembers: 'refuse',
  });
});

test('a half-configured provider, a bad domain or a mapping to owner stops the start with the reason', () => {
  assert.deepEqual(problemsOf({ AVISO_OIDC_ISSUER: provider.AVISO_OIDC_ISSUER }), [
    'AVISO_OIDC_ISSUER, AVISO_OIDC_CLIENT_ID and AVISO_OIDC_CLIENT_SECRET must be set together',
  ]);
  assert.deepEqual(problemsOf({ ...provider, AVISO_OIDC_ALLOWED_DOMAINS: 'example.com,not a domain' }), [
    'AVISO_OIDC_ALLOWED_DOMAINS: "not a domain" is not a domain name',
  ]);
  assert.deepEqual(problemsOf({ ...provider, AVISO_OIDC_ROLE_CLAIM: 'groups', AVISO_OIDC_ROLE_MAP: 'boss=owner' }), [
    'AVISO_OIDC_ROLE_MAP: "boss=owner" must be value=role with role admin, editor or viewer',
    'AVISO_OIDC_ROLE_CLAIM and AVISO_OIDC_ROLE_MAP must be set together',
  ]);
  assert.match(
    problemsOf({ ...provider, AVISO_OIDC_NEW_MEMBERS: 'owner' })[0] ?? '',
    /AVISO_OIDC_NEW_MEMBERS: must be refuse, admin, editor or viewer/,
  );
});
