import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Validator } from '@seriousme/openapi-schema-validator';
import { createApiTestApp, type ApiTestApp } from '../../../test/support/api-test-app.ts';
import type { OpenApiDocument } from '../../../test/support/openapi-checker.ts';

// createApiTestApp checks every /api/v1 answer against the document: a status it does not list,
// or a body that does not match, fails the request here.
function caller(app: ApiTestApp) {
  return async (method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE', url: string, body?: object, key: string | null = app.writeKey) =>
    app.aviso.app.inject({
      method,
      url,
      headers: key === null ? {} : { authorization: `Bearer ${key}` },
      ...(body !== undefined && { payload: body }),
    });
}

test('the OpenAPI document is valid OpenAPI 3.1 and describes every answer of every operation', async (t) => {
  const app = await createApiTestApp();
  t.after(() => app.close());
  const document = (await app.aviso.app.inject({ method: 'GET', url: '/api/openapi.json' })).json() as OpenApiDocument;
  const validator = new Validator();
  const result = await validator.validate(document as unknown as Parameters<Validator['validate']>[0]);
  assert.equal(result.valid, true, JSON.stringify(result.errors, null, 2));
  assert.equal(validator.version, '3.1');

  const operations = Object.entries(document.paths).flatMap(([path, ops]) =>
    Object.entries(ops).map(([method, op]) => ({ path, method, op })),
  );
  assert.ok(operations.length >= 30, `${operations.length} operations`);
  for (const { path, method, op } of operations) {
    const statuses = Object.keys(op.responses);
    const where = `${method.toUpperCase()} ${path}`;
    assert.ok(
      statuses.some((s) => /^2\d\d$/.test(s)),
      `${where} documents its success`,
    );
    for (const status of ['401', '500']) assert.ok(statuses.includes(status), `${where} documents ${status}`);
    if (method !== 'get') assert.ok(statuses.includes('403'), `${where} documents 403 for read-only keys`);
    for (const status of statuses.filter((s) => Number(s) >= 400))
      assert.deepEqual(
        op.responses[status]?.content?.['application/json']?.schema,
        { $ref: '#/components/schemas/Error' },
        `${where} ${status}`,
      );
  }
  const created = operations.filter(({ op }) => '201' in op.responses).map(({ method, path }) => `${method.toUpperCase()} ${path}`);
  assert.deepEqual(created.sort(), [
    'POST /api/v1/alert-receivers',
    'POST /api/v1/api-keys',
    'POST /api/v1/component-groups',
    'POST /api/v1/components',
    'POST /api/v1/incidents',
    'POST /api/v1/incidents/{id}/updates',
    'POST /api/v1/maintenances',
    'POST /api/v1/monitors',
    'POST /api/v1/templates',
  ]);
  assert.equal(
    created.filter((c) => '200' in (document.paths[c.split(' ')[1] ?? '']?.['post']?.responses ?? {})).length,
    0,
    'a create is documented as 201, not 200',
  );
});

test('answers of the routes no other test visits match the document too', async (t) => {
  const app = await createApiTestApp();
  t.after(() => app.close());
  const call = caller(app);

  assert.equal((await call('GET', '/api/v1/page')).statusCode, 200);
  assert.equal((await call('PATCH', '/api/v1/page', { timeZone: 'Mars/Olympus' })).statusCode, 400);
  const a = (await call('POST', '/api/v1/components', { name: 'API' })).json() as { id: string };
  const b = (await call('POST', '/api/v1/components', { name: 'Web' })).json() as { id: string };
  const group = await call('POST', '/api/v1/component-groups', { name: 'Platform', componentIds: [a.id, b.id] });
  assert.equal(group.statusCode, 201);
  assert.equal((await call('GET', '/api/v1/components')).statusCode, 200);
  assert.equal((await call('GET', '/api/v1/components/nope')).statusCode, 404);
  assert.equal((await call('PATCH', `/api/v1/components/${b.id}`, { status: 'degraded_performance' })).statusCode, 200);
  assert.equal((await call('DELETE', `/api/v1/components/${b.id}`)).statusCode, 204);

  const opened = await call('POST', '/api/v1/incidents', {
    name: 'Slow API',
    status: 'investigating',
    body: 'Looking.',
    componentIds: [a.id],
  });
  assert.equal(opened.statusCode, 201);
  const id = (opened.json() as { id: string }).id;
  assert.equal((await call('GET', `/api/v1/incidents/${id}`)).statusCode, 200);
  assert.equal((await call('PATCH', `/api/v1/incidents/${id}`, { name: 'Slow API responses' })).statusCode, 200);
  assert.equal((await call('POST', `/api/v1/incidents/${id}/updates`, { status: 'in_progress', body: 'x' })).statusCode, 422);
  assert.equal((await call('POST', `/api/v1/incidents/${id}/updates`, { status: 'resolved', body: 'Fixed.' })).statusCode, 201);
  assert.equal((await call('PUT', `/api/v1/incidents/${id}/postmortem`, { body: 'A slow query.' })).statusCode, 200);
  assert.equal((await call('POST', `/api/v1/incidents/${id}/postmortem/publish`, {})).statusCode, 200);
  assert.equal((await call('POST', `/api/v1/incidents/${id}/postmortem/revert`)).statusCode, 200);
  assert.equal((await call('DELETE', `/api/v1/incidents/${id}/postmortem`)).statusCode, 200);
  assert.equal((await call('GET', '/api/v1/incidents?limit=0')).statusCode, 400);
  assert.equal((await call('DELETE', `/api/v1/incidents/${id}`, undefined, app.readKey)).statusCode, 403);
  assert.equal((await call('DELETE', `/api/v1/incidents/${id}`)).statusCode, 204);
  assert.equal((await call('GET', `/api/v1/incidents/${id}`)).statusCode, 404);

  const template = await call('POST', '/api/v1/templates', {
    name: 'Slow',
    title: 'Slowness',
    body: 'Looking.',
    updateStatus: 'investigating',
  });
  assert.equal(template.statusCode, 201);
  assert.equal((await call('GET', `/api/v1/templates/${(template.json() as { id: string }).id}`)).statusCode, 200);
  assert.equal((await call('GET', '/api/v1/audit-events?before=abc')).statusCode, 400);
  assert.equal((await call('GET', '/api/v1/audit-events?limit=5')).statusCode, 200);
  assert.equal((await call('GET', '/api/v1/page', undefined, 'avk_not-a-real-key')).statusCode, 401);
});
