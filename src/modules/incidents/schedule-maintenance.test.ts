import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, test } from 'node:test';
import { updateBodyText } from '../../i18n/update-body.ts';
import { createTestContext, type TestContext } from '../../../test/support/test-context.ts';
import { listJobs } from '../../jobs/index.ts';
import { createComponent } from '../components/index.ts';
import { queryIncidents, scheduleMaintenance } from './index.ts';

let t: TestContext;
beforeEach(async () => {
  t = await createTestContext({ now: '2025-11-20T12:00:00.000Z' });
});
afterEach(async () => {
  await t.close();
});

describe('scheduleMaintenance', () => {
  test('schedules the window with its first update and plans its reminder, start and completion', async () => {
    const db = await createComponent(t.ctx, { name: 'Database' });
    const maintenance = await scheduleMaintenance(t.ctx, {
      name: 'Upgrade',
      scheduledFor: new Date('2025-11-21T10:00:00Z'),
      scheduledUntil: new Date('2025-11-21T11:00:00Z'),
      componentIds: [db.id],
    });
    assert.equal(maintenance.status, 'scheduled');
    assert.equal(maintenance.impact, 'maintenance');
    assert.equal(maintenance.startedAt.toISOString(), '2025-11-21T10:00:00.000Z');
    assert.equal(updateBodyText(maintenance.updates[0]!, 'en'), 'We will be undergoing scheduled maintenance during this time.');
    assert.equal(updateBodyText(maintenance.updates[0]!, 'de'), 'In diesem Zeitraum führen wir eine geplante Wartung durch.');
    assert.deepEqual(
      (await listJobs(t.ctx.db)).map((j) => [j.name, j.runAt.toISOString()]),
      [
        ['notifications.fan-out', '1970-01-01T00:00:00.000Z'],
        ['maintenance.remind', '2025-11-21T09:00:00.000Z'],
        ['maintenance.start', '2025-11-21T10:00:00.000Z'],
        ['maintenance.complete', '2025-11-21T11:00:00.000Z'],
      ],
    );
  });

  test('a window that ends before it starts, or an unknown component, schedules nothing', async () => {
    await assert.rejects(
      scheduleMaintenance(t.ctx, {
        name: 'Backwards',
        scheduledFor: new Date('2025-11-21T10:00:00Z'),
        scheduledUntil: new Date('2025-11-21T09:00:00Z'),
      }),
      { name: 'ZodError' },
    );
    await assert.rejects(
      scheduleMaintenance(t.ctx, {
        name: 'Ghost',
        scheduledFor: new Date('2025-11-21T10:00:00Z'),
        scheduledUntil: new Date('2025-11-21T11:00:00Z'),
        componentIds: ['aaaaaaaaaaaa'],
      }),
      { code: 'component_not_found' },
    );
    assert.deepEqual(await queryIncidents(t.ctx), []);
    assert.deepEqual(await listJobs(t.ctx.db), []);
  });
});
