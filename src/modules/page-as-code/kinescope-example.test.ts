import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createTestContext } from '../../../test/support/test-context.ts';
import { listComponentsInOrder } from '../components/index.ts';
import { listIncidents, updateLabels } from '../incidents/index.ts';
import { getPage } from '../page/index.ts';
import { loadUptimeSubjects, monthlyUptime } from '../uptime/index.ts';
import { applyPageFile, exportPageFile, loadExample } from './index.ts';

const exampleText = readFileSync(new URL('../../../examples/kinescope.yaml', import.meta.url), 'utf8');
const seedNames = [
  'kinescope.io',
  'Dashboard',
  'Uploading',
  'Transcoding',
  'Player embeds',
  'Live streaming',
  'Analytics',
  'API',
  'DNS',
  'CDN',
];

test('the example reproduces the seed page: components, languages, the incident and its postmortem', async () => {
  const { ctx, close } = await createTestContext({ withPage: false, now: '2026-01-15T12:00:00.000Z' });
  try {
    await loadExample(ctx, 'kinescope');
    const page = await getPage(ctx);
    assert.equal(page.defaultLocale, 'pt-BR');
    assert.deepEqual([...page.locales].sort(), ['ar', 'de', 'en', 'es', 'fr', 'ja', 'pt-BR', 'ru']);
    assert.equal(page.timeZone, 'Europe/Moscow');

    const components = await listComponentsInOrder(ctx);
    assert.equal(components.length, 12);
    assert.deepEqual(
      components.map((c) => c.name),
      [...seedNames, 'Third Party: Webflow → Hosted Websites', 'Third Party: Mailgun → Email Services → Outbound Delivery'],
    );
    assert.ok(
      components.every((c) => c.status === 'operational'),
      'every component is Operacional today',
    );
    assert.deepEqual(
      components.filter((c) => c.thirdParty !== null).map((c) => c.thirdParty!.sourceUrl),
      ['https://status.webflow.com', 'https://status.mailgun.com'],
    );

    const incidents = await listIncidents(ctx.db);
    assert.equal(incidents.length, 1);
    const incident = incidents[0]!;
    assert.equal(incident.name, 'API Service outage');
    assert.equal(incident.status, 'postmortem');
    // The page shows three entries, newest first: Postmortem, Resolved, Investigating.
    assert.deepEqual(['postmortem', ...updateLabels(incident.updates)], ['postmortem', 'resolved', 'investigating']);
    assert.equal(incident.updates[0]!.body, '', 'the resolution has no text of its own');
    assert.equal(incident.updates[1]!.body, 'We are currently investigating this incident.');
    const postmortem = incident.postmortem.body!;
    assert.match(postmortem, /^During scheduled drive replacement performed in two of our Moscow data centers/);
    assert.match(postmortem, /\n### Timeline & Root Cause Analysis\n/);
    assert.match(
      postmortem,
      /\n {2}- The DC1 app server did not have enough time to fully come back online before the second shutdown\.\n/,
    );
    assert.match(postmortem, /\n {2}#### Next Steps \/ Preventive Actions\n\n {2}- Applied corrections to the maintenance algorithm/);
  } finally {
    await close();
  }
});

test("the example's outage history gives the seed's monthly uptime figures through the uptime engine", async () => {
  const { ctx, close } = await createTestContext({ withPage: false, now: '2026-01-15T12:00:00.000Z' });
  try {
    await applyPageFile(ctx, exampleText);
    const page = await getPage(ctx);
    const subjects = await loadUptimeSubjects(ctx);
    const now = new Date('2026-01-15T12:00:00.000Z');
    const figures: Record<string, Record<string, number | null>> = {};
    for (const component of await listComponentsInOrder(ctx)) {
      if (!seedNames.includes(component.name)) continue;
      const subject = subjects.get(component.id)!;
      figures[component.name] = Object.fromEntries(
        ['2025-09', '2025-10', '2025-11'].map((m) => [m, monthlyUptime(subject, m, page.timeZone, now).percent]),
      );
    }
    const expected = Object.fromEntries(seedNames.map((name) => [name, { '2025-09': 100, '2025-10': 100, '2025-11': 100 }]));
    expected['kinescope.io']!['2025-09'] = 99.98;
    expected['API']!['2025-11'] = 99.78;
    assert.deepEqual(figures, expected);
  } finally {
    await close();
  }
});

test("the example's export round-trips byte for byte, and the example applies once", async () => {
  const first = await createTestContext({ withPage: false, now: '2026-01-15T12:00:00.000Z' });
  const second = await createTestContext({ withPage: false, now: '2026-02-01T00:00:00.000Z' });
  try {
    await applyPageFile(first.ctx, exampleText);
    assert.deepEqual((await applyPageFile(first.ctx, exampleText)).changes, []);
    const exported = await exportPageFile(first.ctx);
    await applyPageFile(second.ctx, exported);
    assert.equal(await exportPageFile(second.ctx), exported);
  } finally {
    await first.close();
    await second.close();
  }
});
