import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import type { InjectOptions } from 'fastify';
import { AdminClient, testPassword } from '../../test/support/admin-client.ts';
import { buildTestAviso } from '../../test/support/test-aviso.ts';
import { createTestContext } from '../../test/support/test-context.ts';
import { createApiKey, createUser } from '../modules/accounts/index.ts';
import { getPage } from '../modules/page/index.ts';
import { exportPageFile, parsePageFile } from '../modules/page-as-code/index.ts';
import { routesOf } from './create-app.ts';

/** How many generated requests one run sends, and the seed that makes the run repeatable. */
const runs = 3000;
const seed = 20261129;

/** Text a stack trace or the framework's raw answer would carry. */
const leak = /\n\s+at \S+|\bat \S+ \(\/|RangeError|TypeError|ReferenceError|is not a function|FST_ERR|node_modules|\.tsx?:\d+/;

const nested = (levels: number) => '{"a":'.repeat(levels) + '1' + '}'.repeat(levels);
const hostileText = fc.constantFrom(
  '',
  ' ',
  '%zz',
  '%00',
  '..%2f..%2f',
  'a'.repeat(300),
  '🙂'.repeat(10),
  '<script>alert(1)</script>',
  'javascript:alert(1)',
  '__proto__',
  'constructor',
  '9007199254740993',
  '-1',
  'NaN',
  'true',
  'null',
  '2025-13-45T99:99:99Z',
  'http://127.0.0.1:1/',
);
const text = fc.oneof(fc.string({ maxLength: 20 }), hostileText);

/** Names the surfaces read, so generated bodies and queries reach the handlers' parsing. */
const fieldName = fc.constantFrom(
  'name',
  'status',
  'body',
  'message',
  'components',
  'component_ids',
  'componentIds',
  'metadata',
  'impact_override',
  'deliver_notifications',
  'scheduled_for',
  'scheduled_until',
  'starts_at',
  'ends_at',
  'email',
  'password',
  'role',
  'token',
  'template',
  'title',
  'url',
  'channel',
  'address',
  'endpoint',
  'locale',
  'group_id',
  'description',
  'position',
  'page',
  'limit',
  'offset',
  'q',
  'before',
  'incident',
  'incident_id',
  'time_zone',
  'csv',
  'notify_email',
  'subscribers',
  'display_at',
);
/** A field's value: text, or every JSON type where text belongs, nested a little. */
const value: fc.Arbitrary<unknown> = fc.letrec<{ value: unknown }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    text,
    fc.integer(),
    fc.double(),
    fc.boolean(),
    fc.constant(null),
    fc.array(tie('value'), { maxLength: 3 }),
    fc.dictionary(fc.oneof(text, fieldName), tie('value'), { maxKeys: 3 }),
  ),
})).value;

const rootKey = fc.constantFrom(
  'incident',
  'component',
  'component_group',
  'page',
  'subscriber',
  'template',
  'incident_update',
  'postmortem',
);

type Auth = 'none' | 'write' | 'read' | 'session';
type BodyKind =
  | { kind: 'none' }
  | { kind: 'json'; value: unknown; rooted: string | null }
  | { kind: 'raw'; contentType: string; payload: string }
  | { kind: 'form'; pairs: [string, string][] };

const body: fc.Arbitrary<BodyKind> = fc.oneof(
  { arbitrary: fc.constant({ kind: 'none' as const }), weight: 1 },
  {
    arbitrary: fc.record({
      kind: fc.constant('json' as const),
      value: fc.oneof(fc.dictionary(fieldName, value, { maxKeys: 6 }), value),
      rooted: fc.option(rootKey, { nil: null }),
    }),
    weight: 6,
  },
  {
    // A plausible form sent as JSON: mostly text, some fields of another type where text belongs.
    arbitrary: fc.record({
      kind: fc.constant('json' as const),
      value: fc.dictionary(fieldName, fc.oneof({ arbitrary: text, weight: 3 }, { arbitrary: value, weight: 1 }), {
        minKeys: 4,
        maxKeys: 15,
      }),
      rooted: fc.constant(null),
    }),
    weight: 4,
  },
  {
    arbitrary: fc.record({
      kind: fc.constant('raw' as const),
      contentType: fc.constantFrom(
        'application/json',
        'application/json; charset=utf-8',
        'application/x-www-form-urlencoded',
        'text/plain',
        'application/xml',
        'multipart/form-data; boundary=x',
        'application/json; charset=utf-16',
        '',
        'garbage',
      ),
      payload: fc.oneof(
        fc.constantFrom(
          '',
          '{',
          '[]',
          'null',
          '1',
          '"x"',
          '{"__proto__":{"admin":true}}',
          '{"constructor":{"prototype":{"x":1}}}',
          nested(33),
          nested(1_000),
          nested(10_000),
          `{"incident":{"name":"x","metadata":${nested(1_000)}}}`,
          `{"name":"x","metadata":${nested(10_000)}}`,
          'a[b][c][d][e][f][g][h][i][j]=1',
          'a[]=1&a[x]=2',
          '__proto__[x]=1',
          '%zz=%zz',
          '\u0000\u0001',
        ),
        fc.string({ maxLength: 60 }),
      ),
    }),
    weight: 3,
  },
  {
    arbitrary: fc.record({
      kind: fc.constant('form' as const),
      pairs: fc.array(
        fc.tuple(fc.oneof(fieldName, text, fc.constantFrom('incident[name]', 'incident[components][x]', 'component_ids[]', '_csrf')), text),
        {
          maxLength: 6,
        },
      ),
    }),
    weight: 3,
  },
);

interface Generated {
  route: number;
  params: string[];
  useValidIds: boolean[];
  query: [string, string][];
  repeatQuery: boolean;
  body: BodyKind;
  auth: Auth;
  withCsrf: boolean;
  address: number;
}

test(`${runs} generated malformed requests across every surface get no 5xx, no stack trace, and change nothing when refused`, async (t) => {
  const context = await createTestContext();
  const { aviso, close } = await buildTestAviso(context);
  t.after(async () => {
    await close();
    await context.close();
  });
  const ctx = context.ctx;
  const page = await getPage(ctx);
  // Several keys: Statuspage's per-key rate limit would otherwise answer most of the run with 429.
  const writeKeys = await Promise.all(
    Array.from({ length: 12 }, async (_, i) => (await createApiKey(ctx, { name: `fuzz write ${i}`, scope: 'write' })).key),
  );
  const readKey = (await createApiKey(ctx, { name: 'fuzz read', scope: 'read' })).key;
  await createUser(ctx, { email: 'owner@example.com', name: 'Owner', password: testPassword, role: 'owner' });
  const owner = new AdminClient(aviso);
  await owner.login('owner@example.com', testPassword);
  await owner.get('/admin');

  const make = async (method: string, url: string, payload: unknown, auth = `Bearer ${writeKeys[0]}`) =>
    (await aviso.app.inject({ method: method as 'POST', url, headers: { authorization: auth }, payload: payload as object })).json() as {
      id: string;
      updates?: { id: string }[];
    };
  const component = await make('POST', '/api/v1/components', { name: 'Web' });
  const incident = await make('POST', '/api/v1/incidents', {
    name: 'Down',
    status: 'investigating',
    components: { [component.id]: 'major_outage' },
  });
  const template = await make('POST', '/api/v1/templates', { name: 'T', title: 'T', body: 'b' });
  const subscriber = await make(
    'POST',
    `/v1/pages/${page.id}/subscribers`,
    { subscriber: { email: 'a@example.com' } },
    `OAuth ${writeKeys[0]}`,
  );
  const validIds = [page.id, component.id, incident.id, incident.updates?.[0]?.id ?? incident.id, template.id, subscriber.id];

  // Ending the session or the run's own access would only make the rest of the run less deep.
  const routes = routesOf(aviso.app).filter((r) => r.method !== 'HEAD' && !/\/logout$|\/api-keys\/:id|\/team\/:id/.test(r.url));
  const writes = routes.filter((r) => r.method !== 'GET' && r.method !== 'OPTIONS');
  assert.ok(writes.length > 100, 'the run walks every write route');
  const ordered = [...writes, ...routes.filter((r) => !writes.includes(r))];

  const generated = fc.sample(
    fc.record<Generated>({
      // Write routes twice as often as reads.
      route: fc.oneof({ arbitrary: fc.nat(writes.length - 1), weight: 2 }, { arbitrary: fc.nat(ordered.length - 1), weight: 1 }),
      params: fc.array(text, { minLength: 4, maxLength: 4 }),
      useValidIds: fc.array(fc.boolean(), { minLength: 4, maxLength: 4 }),
      query: fc.array(fc.tuple(fc.oneof(fieldName, text), text), { maxLength: 4 }),
      repeatQuery: fc.constantFrom(true, false, false, false, false),
      body,
      auth: fc.constantFrom<Auth>('none', 'write', 'write', 'read', 'session', 'session'),
      withCsrf: fc.boolean(),
      address: fc.nat(250),
    }),
    { seed, numRuns: runs },
  );
  // Every write route is visited at least once, whatever the sample drew.
  generated.forEach((g, i) => {
    if (i < writes.length) g.route = i;
  });

  const fingerprint = async () => {
    const count = async (
      table: 'components' | 'incidents' | 'incidentUpdates' | 'incidentTemplates' | 'users' | 'apiKeys' | 'subscribers',
    ) =>
      Number(
        (
          await ctx.db
            .selectFrom(table)
            .select((eb) => eb.fn.countAll().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
    const revision = (await ctx.db.selectFrom('pages').select('revision').executeTakeFirstOrThrow()).revision;
    const counts = await Promise.all(
      (['components', 'incidents', 'incidentUpdates', 'incidentTemplates', 'users', 'apiKeys', 'subscribers'] as const).map(count),
    );
    return JSON.stringify([revision, ...counts]);
  };

  const problems: string[] = [];
  const statuses = new Map<number, number>();
  for (const [i, g] of generated.entries()) {
    const route = ordered[g.route]!;
    let p = 0;
    const url = route.url.replace(/:[A-Za-z_]+|\*/g, () => {
      const k = p++ % 4;
      return g.useValidIds[k] ? validIds[(g.address + k) % validIds.length]! : encodeURIComponent(g.params[k]!).replace(/%25zz/g, '%zz');
    });
    // `?token=a&token=b`: a parameter given twice.
    const query = g.repeatQuery && g.query.length > 0 ? [...g.query, [g.query[0]![0], g.params[0]!] as [string, string]] : g.query;
    const search = query.map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`).join('&');
    const headers: Record<string, string> = {};
    if (g.auth === 'write') headers['authorization'] = `OAuth ${writeKeys[g.address % writeKeys.length]}`;
    if (g.auth === 'read') headers['authorization'] = `Bearer ${readKey}`;
    if (g.auth === 'session') headers['cookie'] = [...owner.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    const csrf = g.auth === 'session' && g.withCsrf ? owner.csrf : undefined;
    let payload: string | undefined;
    switch (g.body.kind) {
      case 'json': {
        let content = g.body.rooted === null ? g.body.value : { [g.body.rooted]: g.body.value };
        if (csrf !== undefined && content !== null && typeof content === 'object' && !Array.isArray(content))
          content = { ...content, _csrf: csrf };
        payload = JSON.stringify(content);
        headers['content-type'] = 'application/json';
        break;
      }
      case 'raw':
        payload = g.body.payload;
        if (g.body.contentType !== '') headers['content-type'] = g.body.contentType;
        break;
      case 'form': {
        const pairs = csrf === undefined ? g.body.pairs : [...g.body.pairs, ['_csrf', csrf] as [string, string]];
        payload = new URLSearchParams(pairs).toString();
        headers['content-type'] = 'application/x-www-form-urlencoded';
        break;
      }
      case 'none':
        break;
    }
    const options: InjectOptions = {
      method: route.method as 'GET',
      url: search === '' ? url : `${url}?${search}`,
      headers,
      remoteAddress: `203.0.113.${g.address}`,
      ...(payload !== undefined && route.method !== 'GET' && { payload }),
    };
    const before = await fingerprint();
    const answer = await aviso.app.inject(options);
    statuses.set(answer.statusCode, (statuses.get(answer.statusCode) ?? 0) + 1);
    const where = `#${i} ${options.method} ${options.url} ${headers['content-type'] ?? ''} ${String(payload).slice(0, 120)}`;
    if (answer.statusCode >= 500) problems.push(`${answer.statusCode} for ${where}: ${answer.body.slice(0, 200)}`);
    // A script Aviso serves as a file (the WebAuthn library's bundle names TypeError) is not an answer that could leak.
    const isScript = String(answer.headers['content-type'] ?? '').startsWith('text/javascript');
    if (!isScript && leak.test(answer.body)) problems.push(`a stack trace or framework text for ${where}: ${answer.body.slice(0, 300)}`);
    if (answer.statusCode >= 400 && (await fingerprint()) !== before)
      problems.push(`refused with ${answer.statusCode} but changed data: ${where}`);
    if (problems.length >= 20) break;
  }
  t.diagnostic(`answers by status: ${JSON.stringify(Object.fromEntries([...statuses].sort(([a], [b]) => a - b)))}`);
  assert.deepEqual(problems, []);
  assert.ok(
    [...statuses.keys()].some((s) => s < 300),
    'some generated requests were accepted, so the run reached the handlers',
  );

  // Whatever the run stored, the page still exports and the export reads back.
  const file = await exportPageFile(ctx);
  assert.doesNotThrow(() => parsePageFile(file));
});
