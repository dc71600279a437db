import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createTestContext } from '../../../test/support/test-context.ts';
import type { Ctx } from '../../shared/context.ts';
import { isAppError, type AppError } from '../../shared/errors.ts';
import {
  createComponent,
  createComponentGroup,
  deleteComponent,
  listComponents,
  listStatusChanges,
  updateComponent,
} from '../components/index.ts';
import {
  listIncidents,
  openIncident,
  postIncidentUpdate,
  publishPostmortem,
  savePostmortemDraft,
  scheduleMaintenance,
} from '../incidents/index.ts';
import { findPage, updatePageSettings } from '../page/index.ts';
import { applyPageFile, exportPageFile } from './index.ts';

/** Everything a visitor or an API client could see, to prove a write changed nothing. */
async function snapshot(ctx: Ctx): Promise<string> {
  const [page, components, changes, incidents] = await Promise.all([
    findPage(ctx.db),
    listComponents(ctx.db),
    listStatusChanges(ctx.db),
    listIncidents(ctx.db),
  ]);
  return JSON.stringify({ page, components: components.sort((a, b) => a.id.localeCompare(b.id)), changes, incidents });
}

async function refused(work: Promise<unknown>): Promise<AppError> {
  try {
    await work;
  } catch (error) {
    if (isAppError(error)) return error;
    throw error;
  }
  assert.fail('the file was accepted');
}

/** A page built through the verbs, with every kind of object the file carries. */
async function buildRichPage(ctx: Ctx, clock: { set(at: string): void }): Promise<void> {
  clock.set('2025-10-01T08:00:00.123Z');
  await updatePageSettings(ctx, {
    name: 'Acme',
    timeZone: 'America/Sao_Paulo',
    defaultLocale: 'pt-BR',
    settings: { homepageUrl: 'https://acme.test', colours: { major: '#aa0000' } },
  });
  const web = await createComponent(ctx, { name: 'Web', startDate: '2025-09-01' });
  const api = await createComponent(ctx, { name: 'API', description: 'Public REST API' });
  const db = await createComponent(ctx, { name: 'Database', showcase: false });
  const gone = await createComponent(ctx, { name: 'Legacy' });
  await createComponentGroup(ctx, { name: 'Backend', componentIds: [api.id, db.id] });
  await createComponent(ctx, {
    name: 'Mail relay',
    thirdParty: { sourceUrl: 'https://status.mailgun.com', componentId: 'abcdefghijkl' },
    showcase: false,
  });
  clock.set('2025-10-02T10:00:00.000Z');
  const incident = await openIncident(ctx, {
    name: 'Slow API',
    components: { [api.id]: 'partial_outage', [gone.id]: 'major_outage' },
    body: 'Looking into it.',
  });
  clock.set('2025-10-02T10:30:00.500Z');
  await postIncidentUpdate(ctx, incident.id, {
    status: 'identified',
    components: { [api.id]: 'major_outage' },
    body: 'Found it:\n\n- a bad deploy\n- rolled back',
  });
  clock.set('2025-10-02T11:00:00.000Z');
  await postIncidentUpdate(ctx, incident.id, { status: 'resolved', components: { [api.id]: 'operational', [gone.id]: 'operational' } });
  await savePostmortemDraft(ctx, incident.id, { body: '## What happened\n\nA deploy.\n' });
  await publishPostmortem(ctx, incident.id);
  await updateComponent(ctx, web.id, { status: 'degraded_performance' });
  await deleteComponent(ctx, gone.id);
  await scheduleMaintenance(ctx, {
    name: 'Database upgrade',
    scheduledFor: '2025-10-10T02:00:00Z',
    scheduledUntil: '2025-10-10T04:00:00Z',
    componentIds: [db.id],
    remindPrior: 30,
    autoCompleted: false,
  });
}

test('export, apply to an empty database, export again: the same bytes', async () => {
  const source = await createTestContext({ now: '2025-09-30T00:00:00.000Z' });
  const target = await createTestContext({ withPage: false, now: '2025-12-01T00:00:00.000Z' });
  try {
    await buildRichPage(source.ctx, source.clock);
    const first = await exportPageFile(source.ctx);
    assert.match(first, /removed: true/, 'the deleted component stays in the incident history');
    await applyPageFile(target.ctx, first);
    assert.equal(await exportPageFile(target.ctx), first);
    const back = await applyPageFile(source.ctx, first);
    assert.deepEqual(back.changes, [], 'a page matches its own export');
    const web = (await listComponents(target.ctx.db)).find((c) => c.name === 'Web');
    assert.equal(web?.status, 'degraded_performance', 'an ongoing outage is the current status');
  } finally {
    await source.close();
    await target.close();
  }
});

test('applying the same file twice writes nothing the second time and keeps the revision', async () => {
  const { ctx, close } = await createTestContext({ withPage: false });
  try {
    const file = await exportOf(buildRichPage);
    await applyPageFile(ctx, file);
    const revision = (await findPage(ctx.db))!.revision;
    const before = await snapshot(ctx);
    const again = await applyPageFile(ctx, file);
    assert.deepEqual(again, { changes: [], applied: false });
    assert.equal((await findPage(ctx.db))!.revision, revision);
    assert.equal(await snapshot(ctx), before);
  } finally {
    await close();
  }
});

async function exportOf(build: typeof buildRichPage): Promise<string> {
  const source = await createTestContext({ now: '2025-09-30T00:00:00.000Z' });
  try {
    await build(source.ctx, source.clock);
    return await exportPageFile(source.ctx);
  } finally {
    await source.close();
  }
}

const handWritten = `version: 1
page:
  name: Hand written
  url: https://status.example.com
  time_zone: Europe/Berlin
  default_locale: de
  locales: [de, en]
components:
  - name: Website
    start_date: 2025-09-01
    outages:
      - { status: partial_outage, from: 2025-09-03T10:00:00+02:00, to: 2025-09-03T11:00:00+02:00 }
  - name: Platform
    components:
      - name: Jobs
      - name: Storage
incidents:
  - name: Website slow
    started_at: 2025-09-03T10:00:00+02:00
    components: [Website]
    updates:
      - status: resolved
        display_at: 2025-09-03T11:00:00+02:00
        body: Fixed.
      - status: investigating
        display_at: 2025-09-03T10:05:00+02:00
        affected_components:
          - { component: Website, old_status: operational, new_status: partial_outage }
        body: We are looking into it.
`;

test('a hand-written file without ids applies once, then matches by names and times', async () => {
  const { ctx, close } = await createTestContext({ withPage: false });
  try {
    const first = await applyPageFile(ctx, handWritten);
    assert.ok(first.changes.some((c) => c.startsWith('add group "Platform"')));
    const before = await snapshot(ctx);
    assert.deepEqual((await applyPageFile(ctx, handWritten)).changes, []);
    assert.equal(await snapshot(ctx), before);
    const [incident] = await listIncidents(ctx.db);
    assert.equal(incident?.status, 'resolved');
    assert.equal(incident?.impact, 'major', 'one component in partial outage blends to major, as Statuspage does');
    assert.equal(incident?.updates[1]?.affectedComponents[0]?.name, 'Website');
  } finally {
    await close();
  }
});

test('an edited file applies only the difference: a rename, a new update, a new outage', async () => {
  const { ctx, clock, close } = await createTestContext({ withPage: false });
  try {
    await applyPageFile(ctx, handWritten);
    const exported = await exportPageFile(ctx);
    const websiteId = (await listComponents(ctx.db)).find((c) => c.name === 'Website')!.id;
    const edited = exported
      .replace('name: Website\n', 'name: Web site\n')
      .replace(
        `        to: 2025-09-03T09:00:00.000Z\n`,
        `        to: 2025-09-03T09:00:00.000Z\n      - status: major_outage\n        from: 2025-10-01T00:00:00.000Z\n`,
      )
      .replace(
        '    updates:\n',
        '    updates:\n      - status: resolved\n        display_at: 2025-09-03T12:00:00Z\n        body: Confirmed fixed.\n',
      );
    clock.set('2025-12-01T00:00:00.000Z');
    const revision = (await findPage(ctx.db))!.revision;
    const result = await applyPageFile(ctx, edited);
    assert.deepEqual(result.changes, [
      'change component "Web site": name',
      'record 1 status change of "Web site"',
      'change incident "Website slow": add update (resolved, 2025-09-03T12:00:00.000Z)',
    ]);
    assert.equal((await findPage(ctx.db))!.revision, revision + 1, 'one transaction');
    const web = (await listComponents(ctx.db)).find((c) => c.id === websiteId)!;
    assert.equal(web.name, 'Web site');
    assert.equal(web.status, 'major_outage');
    const [incident] = await listIncidents(ctx.db);
    assert.equal(incident?.updates.length, 3);
    assert.equal(incident?.updates[0]?.body, 'Confirmed fixed.');
    assert.deepEqual((await applyPageFile(ctx, edited)).changes, []);
  } finally {
    await close();
  }
});

test('a dry run lists the changes and writes nothing', async () => {
  const { ctx, close } = await createTestContext({ withPage: false });
  try {
    const result = await applyPageFile(ctx, handWritten, { dryRun: true });
    assert.equal(result.applied, false);
    assert.ok(result.changes.some((c) => c.startsWith('add component "Website" (')));
    assert.ok(result.changes.some((c) => c.startsWith('add incident "Website slow" (') && c.endsWith('with 2 updates')));
    assert.equal(await findPage(ctx.db), undefined);
  } finally {
    await close();
  }
});

test('a broken file is refused whole, with the line of each problem, and changes nothing', async () => {
  const { ctx, close } = await createTestContext({ withPage: false });
  try {
    await applyPageFile(ctx, handWritten);
    const before = await snapshot(ctx);

    const syntax = await refused(applyPageFile(ctx, handWritten.replace('  - name: Platform\n', '  - name: Platform: core\n')));
    assert.equal(syntax.code, 'page_file_invalid');
    assert.equal(syntax.details?.[0]?.path, 'line 13');
    assert.match(syntax.message, /line 13: YAML syntax/);

    const lines = handWritten.split('\n');
    const broken = handWritten
      .replace('{ status: partial_outage, from', '{ status: sort_of_down, from')
      .replace('components: [Website]', 'components: [Webshop]')
      .replace('    display_at: 2025-09-03T10:05:00+02:00\n', '    display_at: yesterday\n');
    const error = await refused(applyPageFile(ctx, broken));
    const lineOf = (text: string) => `line ${lines.findIndex((l) => l.includes(text)) + 1}`;
    assert.deepEqual(
      error.details?.map((d) => d.path),
      [lineOf('partial_outage, from'), lineOf('display_at: 2025-09-03T10:05')],
      'schema problems are reported together',
    );
    assert.match(error.details![0]!.message, /components\[0\]\.outages\[0\]\.status: must be one of .* \(got "sort_of_down"\)/);

    const reference = await refused(applyPageFile(ctx, handWritten.replace('components: [Website]', 'components: [Webshop]')));
    assert.deepEqual(reference.details, [
      { path: lineOf('components: [Website]'), message: 'incidents[0].components[0]: no component "Webshop" in this file' },
    ]);

    assert.equal(await snapshot(ctx), before);
  } finally {
    await close();
  }
});

test('a file cannot remove or shorten a recorded outage: the status history is append-only', async () => {
  const { ctx, close } = await createTestContext({ withPage: false });
  try {
    await applyPageFile(ctx, handWritten);
    const before = await snapshot(ctx);
    const shortened = handWritten.replace('to: 2025-09-03T11:00:00+02:00 }', 'to: 2025-09-03T10:30:00+02:00 }');
    const error = await refused(applyPageFile(ctx, shortened));
    assert.equal(error.details?.[0]?.path, 'line 11');
    assert.match(
      error.details![0]!.message,
      /has the outage partial_outage from 2025-09-03T08:00:00.000Z to 2025-09-03T09:00:00.000Z, which this file leaves out or changes; the status history is append-only/,
    );
    assert.equal(await snapshot(ctx), before);
  } finally {
    await close();
  }
});

test('a file for another page is refused rather than applied to this one', async () => {
  const { ctx, close } = await createTestContext();
  try {
    const error = await refused(applyPageFile(ctx, handWritten.replace('page:\n', 'page:\n  id: abcdefghijkl\n')));
    assert.match(error.details![0]!.message, /this database holds page [0-9a-z]{12}, not abcdefghijkl/);
    assert.equal(error.details![0]!.path, 'line 3');
  } finally {
    await close();
  }
});

test('the format sample in docs/page-as-code.md applies, and applies again as a no-op', async () => {
  const { ctx, close } = await createTestContext({ withPage: false });
  try {
    const docs = readFileSync(new URL('../../../docs/page-as-code.md', import.meta.url), 'utf8');
    const sample = docs.split('```yaml\n')[1]!.split('```')[0]!;
    const first = await applyPageFile(ctx, sample);
    assert.ok(first.changes.some((c) => c.startsWith('add maintenance "Drive replacement"')));
    assert.deepEqual((await applyPageFile(ctx, sample)).changes, []);
  } finally {
    await close();
  }
});

test('outages that overlap or are out of order are refused at their line', async () => {
  const { ctx, close } = await createTestContext({ withPage: false });
  try {
    const overlapping = handWritten.replace(
      '      - { status: partial_outage, from: 2025-09-03T10:00:00+02:00, to: 2025-09-03T11:00:00+02:00 }\n',
      '      - { status: partial_outage, from: 2025-09-03T10:00:00+02:00, to: 2025-09-03T11:00:00+02:00 }\n' +
        '      - { status: major_outage, from: 2025-09-03T10:30:00+02:00 }\n',
    );
    const error = await refused(applyPageFile(ctx, overlapping));
    assert.deepEqual(error.details, [
      { path: 'line 13', message: 'components[0].outages[1]: overlaps the outage before it (which ends at 2025-09-03T09:00:00.000Z)' },
    ]);
    assert.equal(await findPage(ctx.db), undefined);
  } finally {
    await close();
  }
});
