import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useStatuspageV1Suite } from '../../../test/support/statuspage-v1-suite.ts';
import { createMonitor } from '../../modules/monitors/index.ts';

const suite = useStatuspageV1Suite({ now: '2025-11-20T12:00:00.000Z' });

test('the page is read and its settings changed in Statuspage terms', async () => {
  const pages = (await suite.call('GET', '/v1/pages.json')).json();
  assert.equal(pages.length, 1);
  assert.equal(pages[0].id, suite.app.pageId);
  assert.equal(pages[0].time_zone, 'Etc/UTC');
  const changed = await suite.call('PATCH', `/v1/pages/${suite.app.pageId}`, {
    json: { page: { name: 'Acme Status', time_zone: 'America/Sao_Paulo', css_reds: '#cc0000', hidden_from_search: true } },
  });
  assert.equal(changed.statusCode, 200);
  assert.equal(changed.json().name, 'Acme Status');
  assert.equal(changed.json().time_zone, 'America/Sao_Paulo');
  assert.equal(changed.json().css_reds, '#cc0000');
  const badZone = await suite.call('PUT', `/v1/pages/${suite.app.pageId}`, { form: 'page[time_zone]=Mars/Olympus' });
  assert.equal(badZone.statusCode, 422);
  assert.match(badZone.json().message, /^page\.time_zone: /);
  assert.equal((await suite.call('GET', `/v1/pages/${suite.app.pageId}.json`)).json().time_zone, 'America/Sao_Paulo');
  await suite.call('PATCH', `/v1/pages/${suite.app.pageId}`, { json: { page: { time_zone: 'Etc/UTC' } } });
  const pale = await suite.call('PATCH', `/v1/pages/${suite.app.pageId}`, { json: { page: { css_link_color: '#7fb2f0' } } });
  assert.equal(pale.statusCode, 422);
  assert.match(pale.json().message, /contrast 2\.2:1 against the white page background; needs 4\.5:1/);
});

test('components are listed in page order with every field, paginated with page and per_page', async () => {
  const ids = [];
  for (const name of ['Alpha', 'Beta', 'Gamma']) ids.push(await suite.newComponent(name));
  const all = (await suite.call('GET', `${suite.base}/components`)).json();
  const names = all.map((c: { name: string }) => c.name);
  assert.deepEqual(names.slice(-3), ['Alpha', 'Beta', 'Gamma']);
  assert.deepEqual(Object.keys(all[0]), [
    'id',
    'page_id',
    'group_id',
    'created_at',
    'updated_at',
    'group',
    'name',
    'description',
    'position',
    'status',
    'showcase',
    'only_show_if_degraded',
    'automation_email',
    'start_date',
    'third_party_source',
  ]);
  assert.match(all[0].created_at, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
  const second = (await suite.call('GET', `${suite.base}/components?per_page=2&page=2`)).json();
  assert.deepEqual(
    second.map((c: { name: string }) => c.name),
    names.slice(2, 4),
  );
  assert.equal((await suite.call('GET', `${suite.base}/components?per_page=0`)).statusCode, 422);

  const renamed = await suite.call('PUT', `${suite.base}/components/${ids[1]}`, {
    json: { component: { name: 'Beta API', start_date: '2025-01-01', only_show_if_degraded: true } },
  });
  assert.equal(renamed.json().name, 'Beta API');
  assert.equal(renamed.json().start_date, '2025-01-01');
  assert.equal(renamed.json().only_show_if_degraded, true);
  const deleted = await suite.call('DELETE', `${suite.base}/components/${ids[2]}`);
  assert.equal(deleted.statusCode, 204);
  assert.equal((await suite.call('GET', `${suite.base}/components/${ids[2]}`)).statusCode, 404);
});

test('a third-party component carries its source, set and cleared through the v1 component API', async () => {
  const created = await suite.call('POST', `${suite.base}/components`, {
    json: {
      component: { name: 'Mailgun', third_party_source: { source_url: 'https://status.mailgun.com', component_id: 'abcdefghijkl' } },
    },
  });
  assert.equal(created.statusCode, 201, created.body);
  assert.deepEqual(created.json().third_party_source, { source_url: 'https://status.mailgun.com', component_id: 'abcdefghijkl' });
  const id = created.json().id;
  const listed = (await suite.call('GET', `${suite.base}/components`)).json().find((c: { id: string }) => c.id === id);
  assert.equal(listed.third_party_source.source_url, 'https://status.mailgun.com');
  const bad = await suite.call('PATCH', `${suite.base}/components/${id}`, {
    json: { component: { third_party_source: { source_url: 'not a url', component_id: 'x' } } },
  });
  assert.equal(bad.statusCode, 422);
  assert.match(bad.json().message, /third_party_source\.source_url/);
  assert.equal(
    (await suite.call('GET', `${suite.base}/components/${id}`)).json().third_party_source.source_url,
    'https://status.mailgun.com',
  );
  const cleared = await suite.call('PATCH', `${suite.base}/components/${id}`, { json: { component: { third_party_source: null } } });
  assert.equal(cleared.json().third_party_source, null);
  const own = await suite.newComponent('Own API');
  assert.equal((await suite.call('GET', `${suite.base}/components/${own}`)).json().third_party_source, null);
});

test('a component a monitor moves cannot be given a third-party source: refused naming the monitor, nothing changed', async () => {
  const id = await suite.newComponent('Checkout');
  await createMonitor(
    suite.app.ctx,
    { name: 'Checkout port', kind: 'tcp', componentId: id, settings: { host: 'shop.example.test', port: 443 } },
    {
      mayAllowPrivate: false,
    },
  );
  const refused = await suite.call('PATCH', `${suite.base}/components/${id}`, {
    json: { component: { name: 'Shop', third_party_source: { source_url: 'https://status.mailgun.com', component_id: 'abcdefghijkl' } } },
  });
  assert.equal(refused.statusCode, 409);
  assert.match(refused.json().message, /"Checkout" is already moved by the monitor "Checkout port"/);
  const after = (await suite.call('GET', `${suite.base}/components/${id}`)).json();
  assert.deepEqual([after.name, after.third_party_source], ['Checkout', null]);
});

test('component groups: create with components, show the worst child, change members, delete', async () => {
  const web = await suite.newComponent('Web');
  const cdn = await suite.newComponent('CDN', { status: 'degraded_performance' });
  const dns = await suite.newComponent('DNS');
  const created = await suite.call('POST', `${suite.base}/component-groups`, {
    json: { description: 'Edge services', component_group: { name: 'Edge', components: [web, cdn] } },
  });
  assert.equal(created.statusCode, 201);
  const group = created.json();
  assert.deepEqual(Object.keys(group), ['id', 'page_id', 'name', 'description', 'components', 'position', 'created_at', 'updated_at']);
  assert.deepEqual(group.components, [web, cdn]);
  assert.equal(group.description, 'Edge services');
  const asComponent = (await suite.call('GET', `${suite.base}/components/${group.id}`)).json();
  assert.equal(asComponent.group, true);
  assert.equal(asComponent.status, 'degraded_performance');
  assert.equal((await suite.call('GET', `${suite.base}/components/${web}`)).json().group_id, group.id);

  const changed = await suite.call('PATCH', `${suite.base}/component-groups/${group.id}.json`, {
    form: `component_group[name]=Edge+network&component_group[components][]=${dns}&component_group[components][]=${web}`,
  });
  assert.equal(changed.statusCode, 200, changed.body);
  assert.equal(changed.json().name, 'Edge network');
  assert.deepEqual(changed.json().components, [dns, web]);
  assert.equal((await suite.call('GET', `${suite.base}/components/${cdn}`)).json().group_id, null);
  const empty = await suite.call('PUT', `${suite.base}/component-groups/${group.id}`, { json: { component_group: { components: [] } } });
  assert.equal(empty.statusCode, 422);
  const missingName = await suite.call('POST', `${suite.base}/component-groups`, { json: { component_group: { components: [web] } } });
  assert.equal(missingName.statusCode, 422);
  assert.match(missingName.json().message, /^component_group\.name: is required/);

  const listed = (await suite.call('GET', `${suite.base}/component-groups`)).json();
  assert.deepEqual(
    listed.map((g: { id: string }) => g.id),
    [group.id],
  );
  const deleted = await suite.call('DELETE', `${suite.base}/component-groups/${group.id}`);
  assert.equal(deleted.statusCode, 200);
  assert.equal(deleted.json().name, 'Edge network');
  assert.equal((await suite.call('GET', `${suite.base}/component-groups/${group.id}`)).statusCode, 404);
  assert.equal((await suite.call('GET', `${suite.base}/components/${web}`)).json().group_id, null);
});

test('uptime for a component and a group over a range, with Statuspage fields', async () => {
  const db = await suite.newComponent('Database', { start_date: '2025-11-01' });
  const cache = await suite.newComponent('Cache', { start_date: '2025-11-01' });
  const group = (
    await suite.call('POST', `${suite.base}/component-groups`, { json: { component_group: { name: 'Storage', components: [db, cache] } } })
  ).json();
  suite.app.clock.set('2025-11-21T00:00:00.000Z');
  const incident = (
    await suite.call('POST', `${suite.base}/incidents`, { json: { incident: { name: 'DB down', components: { [db]: 'major_outage' } } } })
  ).json();
  suite.app.clock.set('2025-11-21T01:00:00.000Z');
  await suite.call('PATCH', `${suite.base}/incidents/${incident.id}`, {
    json: { incident: { status: 'resolved', components: { [db]: 'operational' } } },
  });
  suite.app.clock.set('2025-11-22T00:00:00.000Z');

  const uptime = await suite.call('GET', `${suite.base}/components/${db}/uptime?start=2025-11-21&end=2025-11-21`);
  assert.equal(uptime.statusCode, 200, uptime.body);
  const u = uptime.json();
  assert.deepEqual(Object.keys(u), [
    'range_start',
    'range_end',
    'uptime_percentage',
    'major_outage',
    'partial_outage',
    'warnings',
    'id',
    'name',
    'related_events',
  ]);
  assert.equal(u.major_outage, 3600);
  assert.equal(u.partial_outage, 0);
  assert.equal(u.uptime_percentage, 95.83);
  assert.equal(u.range_start, '2025-11-21T00:00:00.000Z');
  assert.equal(u.range_end, '2025-11-22T00:00:00.000Z');
  assert.deepEqual(u.related_events, [{ id: incident.id }]);
  assert.equal(u.warnings, null);

  const adjusted = (await suite.call('GET', `${suite.base}/components/${db}/uptime.json?start=2025-11-21&end=2030-01-01`)).json();
  assert.match(adjusted.warnings, /End date was adjusted to today/);
  const groupUptime = (await suite.call('GET', `${suite.base}/component-groups/${group.id}/uptime?start=2025-11-21&end=2025-11-21`)).json();
  assert.equal(groupUptime.uptime_percentage, 97.91);
  assert.equal(groupUptime.name, 'Storage');

  await suite.call('PATCH', `${suite.base}/components/${cache}`, { json: { component: { showcase: false } } });
  assert.equal((await suite.call('GET', `${suite.base}/components/${cache}/uptime`)).statusCode, 422);
  assert.equal((await suite.call('GET', `${suite.base}/components/${db}/uptime?start=yesterday`)).statusCode, 422);
});
