import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Kysely } from 'kysely';
import { createTestContext } from '../../../test/support/test-context.ts';
import { openIncident, postIncidentUpdate, scheduleMaintenance } from '../../modules/incidents/index.ts';
import { down, up } from './0050-update-bodies-as-keys.ts';

test('stored English default sentences and reminders become keys; operator text stays exactly as written', async (t) => {
  const c = await createTestContext();
  t.after(() => c.close());
  const incident = await openIncident(c.ctx, { name: 'Slow API', status: 'investigating' });
  await postIncidentUpdate(c.ctx, incident.id, { status: 'identified', body: 'We are currently investigating this issue, again.' });
  await postIncidentUpdate(c.ctx, incident.id, { status: 'resolved' });
  const maintenance = await scheduleMaintenance(c.ctx, {
    name: 'Drives',
    scheduledFor: new Date('2025-11-21T12:00:00.000Z'),
    scheduledUntil: new Date('2025-11-21T13:00:00.000Z'),
  });
  await postIncidentUpdate(c.ctx, maintenance.id, { status: 'scheduled' }, { generatedBody: { key: 'reminder', params: { minutes: 60 } } });

  const db = c.database.db as unknown as Kysely<any>;
  const rows = async (columns: string[] = ['body as body', 'generated_body as generated']) =>
    (await db.selectFrom('incident_updates').select(columns).execute()) as { body: string; generated?: string | null }[];

  // As an older Aviso stored them: English text; and one update from a page file with an empty body.
  await down(db);
  assert.deepEqual(
    (await rows(['body as body'])).map((r) => r.body).sort(),
    [
      'We are currently investigating this issue.',
      'We are currently investigating this issue, again.',
      'This incident has been resolved.',
      'We will be undergoing scheduled maintenance during this time.',
      'Maintenance will begin as scheduled in 60 minutes.',
    ].sort(),
  );
  await db.updateTable('incident_updates').set({ body: '' }).where('body', '=', 'This incident has been resolved.').execute();

  await up(db);
  const after = await rows();
  assert.deepEqual(
    after.map((r) => JSON.stringify([r.body, r.generated])).sort(),
    [
      ['', '{"key":"investigating"}'],
      ['We are currently investigating this issue, again.', null],
      ['', '{"key":"resolved"}'],
      ['', '{"key":"scheduled"}'],
      ['', '{"key":"reminder","params":{"minutes":60}}'],
    ]
      .map((row) => JSON.stringify(row))
      .sort(),
  );
});
