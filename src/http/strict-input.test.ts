import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { parse } from 'yaml';
import { createApiTestApp, type ApiTestApp } from '../../test/support/api-test-app.ts';
import { AdminClient, testPassword } from '../../test/support/admin-client.ts';
import { createUser } from '../modules/accounts/index.ts';
import { openIncident } from '../modules/incidents/index.ts';
import { exportPageFile, parsePageFile } from '../modules/page-as-code/index.ts';
import { maxBodyDepth, maxMetadataDepth } from '../shared/json-depth.ts';

/** `{"a":{"a":…1…}}`, `levels` objects deep. */
const nested = (levels: number) => '{"a":'.repeat(levels) + '1' + '}'.repeat(levels);

describe('strict input at every edge', () => {
  let t: ApiTestApp;
  let owner: AdminClient;
  before(async () => {
    t = await createApiTestApp();
    await createUser(t.ctx, { email: 'owner@example.com', name: 'Owner', password: testPassword, role: 'owner' });
    owner = new AdminClient(t.aviso);
    await owner.login('owner@example.com', testPassword);
  });
  after(() => t.close());

  const json = (method: 'POST' | 'PATCH', url: string, auth: string, payload: string) =>
    t.aviso.app.inject({ method, url, headers: { authorization: auth, 'content-type': 'application/json' }, payload });
  const revision = async () => (await t.ctx.db.selectFrom('pages').select('revision').executeTakeFirstOrThrow()).revision;

  test('metadata nested 10,000 or 1,000 levels is refused on both APIs with 413, nothing is written, and export keeps working', async () => {
    const incident = await openIncident(t.ctx, { name: 'Deep', status: 'investigating' });
    const before = await revision();
    for (const levels of [10_000, 1_000]) {
      const ours = await json('POST', '/api/v1/incidents', `Bearer ${t.writeKey}`, `{"name":"x","metadata":${nested(levels)}}`);
      assert.equal(ours.statusCode, 413, `/api/v1 at ${levels}`);
      assert.equal(ours.json().error.code, 'payload_too_deep');
      const patch = await json('PATCH', `/api/v1/incidents/${incident.id}`, `Bearer ${t.writeKey}`, `{"metadata":${nested(levels)}}`);
      assert.equal(patch.statusCode, 413);
      const statuspage = await json(
        'POST',
        `/v1/pages/${t.pageId}/incidents`,
        `OAuth ${t.writeKey}`,
        `{"incident":{"name":"x","metadata":${nested(levels)}}}`,
      );
      assert.equal(statuspage.statusCode, 413, `/v1 at ${levels}`);
      assert.deepEqual(statuspage.json(), { message: `The body is nested more than ${maxBodyDepth} levels deep.` });
      const maintenance = await json(
        'POST',
        `/v1/pages/${t.pageId}/incidents`,
        `OAuth ${t.writeKey}`,
        `{"incident":{"name":"x","status":"scheduled","scheduled_for":"2025-12-01T00:00:00Z","scheduled_until":"2025-12-01T01:00:00Z","metadata":${nested(levels)}}}`,
      );
      assert.equal(maintenance.statusCode, 413);
    }
    // Within the body's depth, metadata has its own, smaller limit, named by field.
    const tooDeep = await json(
      'POST',
      '/api/v1/incidents',
      `Bearer ${t.writeKey}`,
      `{"name":"x","metadata":${nested(maxMetadataDepth + 1)}}`,
    );
    assert.equal(tooDeep.statusCode, 400);
    assert.match(tooDeep.json().error.message, /metadata must nest at most 10 levels/);
    assert.equal(await revision(), before, 'no refused write changed the page');

    const deepest = await json(
      'POST',
      '/api/v1/incidents',
      `Bearer ${t.writeKey}`,
      `{"name":"Deepest allowed","metadata":${nested(maxMetadataDepth)}}`,
    );
    assert.equal(deepest.statusCode, 201);
    const file = await exportPageFile(t.ctx);
    assert.match(file, /Deepest allowed/);
    assert.ok(parse(file), 'the export reads back');
    assert.doesNotThrow(() => parsePageFile(file));
  });

  test('a page file with metadata nested too deeply is refused with its line, not a crash', () => {
    const deep = JSON.stringify(JSON.parse(nested(50)));
    const file = `version: 1\npage:\n  name: P\nincidents:\n  - name: x\n    status: resolved\n    metadata: ${deep}\n`;
    assert.throws(() => parsePageFile(file), { code: 'page_file_invalid' });
  });

  test('a parameter given twice is refused with 400 on every surface, before any handler sees an array', async () => {
    for (const url of [
      '/admin/invite?token=a&token=b',
      '/admin/setup?token=a&token=b',
      '/subscriptions/new?incident=a&incident=b',
      '/?locale=en&locale=de',
    ]) {
      const answer = await t.aviso.app.inject({ url });
      assert.equal(answer.statusCode, 400, url);
      assert.match(answer.headers['content-type'] as string, /^text\/html/, url);
    }
    const template = await owner.get('/admin/incidents/new?template=a&template=b');
    assert.equal(template.statusCode, 400);
    assert.match(template.body, /template: give this parameter once/);
    const api = await t.aviso.app.inject({ url: '/api/v1/incidents?q=a&q=b', headers: { authorization: `Bearer ${t.readKey}` } });
    assert.equal(api.statusCode, 400);
    assert.equal(api.json().error.code, 'validation_failed');
    assert.equal(api.json().error.details[0].path, 'q');
    const statuspage = await t.aviso.app.inject({
      url: `/v1/pages/${t.pageId}/incidents?q=a&q=b`,
      headers: { authorization: `OAuth ${t.readKey}` },
    });
    assert.equal(statuspage.statusCode, 422, 'Statuspage answers a field it cannot accept with 422');
    assert.deepEqual(statuspage.json(), { message: 'q: give this parameter once' });
  });

  test('an admin form posted as JSON with a list or an object where text belongs is refused with the field, nothing saved', async () => {
    const before = await revision();
    await owner.get('/admin/incidents/new');
    const twice = await owner.post('/admin/incidents', { name: ['Outage', 'Other'], status: 'investigating' });
    assert.equal(twice.statusCode, 400);
    assert.match(twice.body, /name: give this field once/);
    for (const fields of [{ name: 'Outage', body: { text: 'x' } }, { name: 'Outage', status: 7 }, { name: null }, { name: [['Outage']] }]) {
      const answer = await t.aviso.app.inject({
        method: 'POST',
        url: '/admin/incidents',
        headers: { cookie: [...owner.cookies].map(([k, v]) => `${k}=${v}`).join('; '), 'content-type': 'application/json' },
        payload: JSON.stringify({ _csrf: owner.csrf, ...fields }),
      });
      assert.equal(answer.statusCode, 400, JSON.stringify(fields));
      assert.match(answer.body, /must be text/);
      assert.doesNotMatch(answer.body, /is not a function|TypeError|at \S+ \(/);
    }
    const list = await t.aviso.app.inject({
      method: 'POST',
      url: '/subscriptions',
      headers: { 'content-type': 'application/json' },
      payload: JSON.stringify({ channel: 'email', address: { a: 1 } }),
    });
    assert.equal(list.statusCode, 400);
    assert.equal(await revision(), before);
  });

  test("the framework's refusals answer in each surface's own shape, never Fastify's", async () => {
    const long = 'a'.repeat(300);
    const refusals = [
      { status: 400, message: 'The address is not valid.', code: 'bad_request', id: '%zz' },
      { status: 414, message: 'The address is too long.', code: 'uri_too_long', id: long },
    ];
    const headers = { authorization: `OAuth ${t.readKey}` };
    for (const { status, message, code, id } of refusals) {
      const api = await t.aviso.app.inject({ url: `/api/v1/incidents/${id}`, headers });
      assert.equal(api.statusCode, status);
      assert.deepEqual(api.json(), { error: { code, message } });
      const statuspage = await t.aviso.app.inject({ url: `/v1/pages/${t.pageId}/incidents/${id}`, headers });
      assert.equal(statuspage.statusCode, status);
      assert.deepEqual(statuspage.json(), { message });
      const admin = await t.aviso.app.inject({ url: `/admin/incidents/${id}` });
      assert.equal(admin.statusCode, status);
      assert.match(admin.headers['content-type'] as string, /^text\/html/);
      assert.ok(admin.body.includes(`<h1>${message}</h1>`));
      // The public site frames the refusal in its own layout, in the reader's words.
      const page = await t.aviso.app.inject({ url: `/incidents/${id}` });
      assert.equal(page.statusCode, status);
      assert.match(page.headers['content-type'] as string, /^text\/html/);
      assert.match(page.body, /<header class="masthead">/);
      assert.ok(page.body.includes(`<p class="error-code">Error ${status}</p><h1>This request could not be understood</h1>`));
    }
    const publicApi = await t.aviso.app.inject({ url: '/api/v2/incidents/%zz.json' });
    assert.equal(publicApi.statusCode, 400);
    assert.deepEqual(publicApi.json(), { error: { code: 'bad_request', message: 'The address is not valid.' } });
    const xml = await t.aviso.app.inject({
      method: 'POST',
      url: '/api/v1/incidents',
      headers: { authorization: `Bearer ${t.writeKey}`, 'content-type': 'application/xml' },
      payload: '<incident/>',
    });
    assert.equal(xml.statusCode, 415);
    assert.equal(xml.json().error.code, 'unsupported_media_type');
  });
});
