import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createTestContext } from '../../../test/support/test-context.ts';
import { createComponent, createComponentGroup, recordStatusChange, updateComponent } from '../components/index.ts';
import { loadUptimeSubjects } from './component-uptime.ts';
import { monthlyUptime } from './uptime.ts';

const afterNovember = new Date('2025-12-05T00:00:00Z');

describe('loadUptimeSubjects', () => {
  it('gives every component its own history in order, with its start date, ready for the figures', async () => {
    const { ctx, clock, close } = await createTestContext({ now: '2025-11-10T00:00:00.000Z' });
    try {
      const api = await createComponent(ctx, { name: 'API', startDate: '2025-11-01' });
      const web = await createComponent(ctx, { name: 'Website' });
      clock.set('2025-11-12T10:00:00.000Z');
      await updateComponent(ctx, api.id, { status: 'major_outage' });
      clock.set('2025-11-12T10:07:00.000Z');
      await updateComponent(ctx, api.id, { status: 'operational' });
      await updateComponent(ctx, web.id, { status: 'partial_outage' });
      clock.set('2025-11-12T11:07:00.000Z');
      await updateComponent(ctx, web.id, { status: 'operational' });

      const subjects = await loadUptimeSubjects(ctx);
      const apiSubject = subjects.get(api.id);
      assert.deepEqual(apiSubject, {
        startDate: '2025-11-01',
        changes: [
          { status: 'operational', changedAt: new Date('2025-11-10T00:00:00.000Z') },
          { status: 'major_outage', changedAt: new Date('2025-11-12T10:00:00.000Z') },
          { status: 'operational', changedAt: new Date('2025-11-12T10:07:00.000Z') },
        ],
      });
      assert.equal(monthlyUptime(apiSubject, '2025-11', 'Etc/UTC', afterNovember).percent, 99.98);
      // No start date: counted from the day it was created, the 10th (21 days), 1 h partial.
      const webFigure = monthlyUptime(subjects.get(web.id) ?? { changes: [], startDate: null }, '2025-11', 'Etc/UTC', afterNovember);
      assert.equal(webFigure.secondsWithData, 21 * 86400);
      assert.equal(webFigure.percent, 99.94);
    } finally {
      await close();
    }
  });

  it('includes groups and components without changes, and places a back-dated change in time order', async () => {
    const { ctx, close } = await createTestContext({ now: '2025-11-10T00:00:00.000Z' });
    try {
      const db = await createComponent(ctx, { name: 'Database' });
      const group = await createComponentGroup(ctx, { name: 'Backend', componentIds: [db.id] });
      await recordStatusChange(
        ctx.db,
        { componentId: db.id, status: 'major_outage', changedAt: new Date('2025-11-05T00:00:00.000Z'), cause: 'import', causeId: null },
        ctx.clock.now(),
      );

      const subjects = await loadUptimeSubjects(ctx);
      assert.deepEqual(subjects.get(group.id), { startDate: null, changes: [] });
      assert.deepEqual(
        subjects.get(db.id)?.changes.map((c) => c.status),
        ['major_outage', 'operational'],
      );
    } finally {
      await close();
    }
  });
});
