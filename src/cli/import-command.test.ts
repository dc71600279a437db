import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { cliEnvironment, runAviso } from '../../test/support/cli.ts';
import { statuspageFixture } from '../../test/support/fixtures.ts';
import { testPrivateTargets } from '../../test/support/outbound.ts';
import { startUpstreamStatuspage } from '../../test/support/upstream-statuspage.ts';

test('npx aviso import statuspage: a dry run with the page file written, the import, a stable export, and a second import that changes nothing', async (t) => {
  const upstream = await startUpstreamStatuspage();
  upstream.serve('/api/v2/incidents.json', { status: 200, body: statuspageFixture('emma_incidents_2019-02-21.json') });
  upstream.serve('/api/v2/scheduled-maintenances.json', { status: 200, body: '{"scheduled_maintenances":[]}' });
  const cli = await cliEnvironment('aviso-import-');
  t.after(async () => {
    await cli.close();
    await upstream.close();
  });
  const env = { ...cli.env, AVISO_ALLOW_PRIVATE_TARGETS: testPrivateTargets };
  const file = join(cli.dir, 'imported.yaml');

  const dry = await runAviso(env, 'import', 'statuspage', upstream.base, '--dry-run', '--output', file);
  assert.equal(dry.code, 0, dry.stderr);
  assert.match(dry.stdout, /^Would change:\n/);
  assert.match(readFileSync(file, 'utf8'), /name: HashiCorp Cloud Platform \(HCP\)/);
  assert.match((await runAviso(env, 'export')).stderr, /no page to export yet/, 'the dry run wrote nothing');

  const imported = await runAviso(env, 'import', 'statuspage', upstream.base);
  assert.equal(imported.code, 0, imported.stderr);
  assert.match(imported.stdout, /^Changed:\n/);
  const exported = (await runAviso(env, 'export')).stdout;
  assert.match(exported, /id: b4pr9x7288zy/);
  assert.equal((await runAviso(env, 'export')).stdout, exported, 'the export is stable');

  const again = await runAviso(env, 'import', 'statuspage', upstream.base);
  assert.equal(again.stdout, 'No changes: the page already holds this import.\n');
  assert.equal((await runAviso(env, 'export')).stdout, exported);

  const refused = await runAviso({ ...cli.env }, 'import', 'statuspage', upstream.base);
  assert.equal(refused.code, 1, 'without the operator allowing private addresses the local page is refused');
  assert.match(refused.stderr, /could not be read: .*not public/);
});

test('npx aviso import statuspage --api-key --page-id --api-url reads the Manage API v1 with the key; a URL with them is refused', async (t) => {
  const upstream = await startUpstreamStatuspage();
  const list = (path: string, body: unknown[]) =>
    upstream.serve(`/v1/pages/pg1${path}${path.includes('?') ? '&' : '?'}page=1&per_page=100&limit=100`, {
      status: 200,
      body: JSON.stringify(body),
    });
  upstream.serve('/v1/pages/pg1', {
    status: 200,
    body: JSON.stringify({ id: 'pg1', name: 'Acme', url: 'https://status.acme.test', time_zone: 'Etc/UTC' }),
  });
  list('/components', [
    {
      id: 'aaaaaaaaaaaa',
      name: 'API',
      status: 'partial_outage',
      position: 1,
      group: false,
      group_id: null,
      showcase: true,
      created_at: '2025-01-01T00:00:00.000Z',
      updated_at: '2025-11-20T10:00:00.000Z',
    },
  ]);
  for (const path of [
    '/component-groups',
    '/incidents',
    '/incident_templates',
    '/subscribers?state=active',
    '/subscribers?state=unconfirmed',
  ])
    list(path, []);
  const cli = await cliEnvironment('aviso-import-v1-');
  t.after(async () => {
    await cli.close();
    await upstream.close();
  });
  const env = { ...cli.env, AVISO_ALLOW_PRIVATE_TARGETS: testPrivateTargets };
  const args = ['import', 'statuspage', '--api-key', 'secret-key', '--page-id', 'pg1', '--api-url', `${upstream.base}/v1`];

  const imported = await runAviso(env, ...args);
  assert.equal(imported.code, 0, imported.stderr);
  assert.match(imported.stdout, /^Changed:\n/);
  assert.match((await runAviso(env, 'export')).stdout, /id: aaaaaaaaaaaa\n\s+name: API/);
  assert.equal(upstream.requests.find((r) => r.path === '/v1/pages/pg1')?.headers.authorization, 'OAuth secret-key');
  const again = await runAviso(env, ...args);
  assert.equal(again.code, 0, again.stderr);
  assert.equal(again.stdout.split('\n')[0], 'No changes: the page already holds this import.');

  const both = await runAviso(env, 'import', 'statuspage', upstream.base, '--api-key', 'k', '--page-id', 'pg1');
  assert.equal(both.code, 2);
  assert.match(both.stderr, /either the page URL, or --api-key and --page-id/);
});
