import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, test } from 'node:test';
import { eventually } from '../../../test/support/eventually.ts';
import { updateBodyText } from '../../i18n/update-body.ts';
import { createTestContext, type TestContext } from '../../../test/support/test-context.ts';
import { JobWorker } from '../../jobs/index.ts';
import { createComponent, findComponent } from '../components/index.ts';
import { listJobs } from '../../jobs/index.ts';
import {
  completeMaintenanceIfDue,
  findIncident,
  maintenanceJobHandlers,
  remindMaintenanceIfDue,
  startMaintenanceIfDue,
  insertIncident,
  planOpenMaintenances,
  postIncidentUpdate,
  rescheduleMaintenance,
  scheduleMaintenance,
  updateIncident,
} from './index.ts';

const minute = 60_000;

describe('maintenance automation', () => {
  let t: TestContext;
  let worker: JobWorker;
  beforeEach(async () => {
    t = await createTestContext({ now: '2025-11-20T12:00:00.000Z' });
    worker = new JobWorker({ ctx: t.ctx, handlers: maintenanceJobHandlers, pollMs: 5 });
  });
  afterEach(async () => {
    await worker.stop();
    await t.close();
  });

  const at = (offsetMinutes: number) => new Date(Date.parse('2025-11-20T12:00:00.000Z') + offsetMinutes * minute);

  test('reminds, starts and completes at the right minutes, each exactly once', async () => {
    const db = await createComponent(t.ctx, { name: 'Database' });
    const m = await scheduleMaintenance(t.ctx, {
      name: 'Upgrade',
      scheduledFor: at(120),
      scheduledUntil: at(180),
      remindPrior: 60,
      componentIds: [db.id],
    });
    const statuses = async () => (await findIncident(t.ctx.db, m.id))!.updates.map((u) => u.status).reverse();

    await worker.tick();
    t.clock.set(at(59.9));
    await worker.tick();
    assert.deepEqual(await statuses(), ['scheduled']);

    t.clock.set(at(60));
    await worker.tick();
    await worker.tick();
    let current = (await findIncident(t.ctx.db, m.id))!;
    assert.deepEqual(await statuses(), ['scheduled', 'scheduled']);
    assert.deepEqual(current.updates[0]?.generatedBody, { key: 'reminder', params: { minutes: 60 } }, 'kept as a key, not as English text');
    assert.equal(current.updates[0]?.body, '');
    assert.equal(updateBodyText(current.updates[0]!, 'en'), 'Maintenance will begin as scheduled in 60 minutes.');
    assert.equal(updateBodyText(current.updates[0]!, 'pt-BR'), 'A manutenção começará como programado em 60 minutos.');
    assert.equal(updateBodyText(current.updates[0]!, 'ru'), 'Плановые работы начнутся, как запланировано, через 60 минут.');
    assert.deepEqual(current.schedule?.remindedAt, at(60));

    t.clock.set(at(120));
    await worker.tick();
    await worker.tick();
    current = (await findIncident(t.ctx.db, m.id))!;
    assert.equal(current.status, 'in_progress');
    assert.equal(
      updateBodyText(current.updates[0]!, 'en'),
      'Scheduled maintenance is currently in progress. We will provide updates as necessary.',
    );
    assert.equal((await findComponent(t.ctx.db, db.id))?.status, 'under_maintenance');

    t.clock.set(at(180));
    await worker.tick();
    await worker.tick();
    current = (await findIncident(t.ctx.db, m.id))!;
    assert.equal(current.status, 'completed');
    assert.equal((await findComponent(t.ctx.db, db.id))?.status, 'operational');
    assert.deepEqual(await statuses(), ['scheduled', 'scheduled', 'in_progress', 'completed']);
  });

  test('a maintenance scheduled for the next minute starts and completes by itself', async () => {
    const api = await createComponent(t.ctx, { name: 'API' });
    const m = await scheduleMaintenance(t.ctx, { name: 'Quick fix', scheduledFor: at(1), scheduledUntil: at(2), componentIds: [api.id] });
    worker.start();
    t.clock.set(at(1));
    await eventually('the maintenance starts', async () => (await findIncident(t.ctx.db, m.id))?.status === 'in_progress');
    assert.equal((await findComponent(t.ctx.db, api.id))?.status, 'under_maintenance');
    t.clock.set(at(2));
    await eventually('the maintenance completes', async () => (await findIncident(t.ctx.db, m.id))?.status === 'completed');
    assert.equal((await findComponent(t.ctx.db, api.id))?.status, 'operational');
  });

  test('moving the window re-plans it; the jobs of the old window do nothing', async () => {
    const m = await scheduleMaintenance(t.ctx, { name: 'Move me', scheduledFor: at(120), scheduledUntil: at(180), remindPrior: 30 });
    await rescheduleMaintenance(t.ctx, m.id, { scheduledFor: at(240), scheduledUntil: at(300) });
    for (const minutes of [90, 120, 180]) {
      t.clock.set(at(minutes));
      await worker.tick();
    }
    let current = (await findIncident(t.ctx.db, m.id))!;
    assert.equal(current.status, 'scheduled');
    assert.equal(current.updates.length, 1, 'no reminder, start or end for the old window');
    t.clock.set(at(210));
    await worker.tick();
    t.clock.set(at(240));
    await worker.tick();
    current = (await findIncident(t.ctx.db, m.id))!;
    assert.deepEqual(
      current.updates.map((u) => u.status),
      ['in_progress', 'scheduled', 'scheduled'],
    );
    await assert.rejects(rescheduleMaintenance(t.ctx, m.id, { scheduledUntil: at(200) }), { code: 'validation_failed' });
  });

  test('without automation, or when the operator got there first, nothing is done twice', async () => {
    const manual = await scheduleMaintenance(t.ctx, {
      name: 'Manual',
      scheduledFor: at(10),
      scheduledUntil: at(20),
      remindPrior: 0,
      autoInProgress: false,
      autoCompleted: false,
    });
    const early = await scheduleMaintenance(t.ctx, { name: 'Early', scheduledFor: at(10), scheduledUntil: at(20), remindPrior: 0 });
    await postIncidentUpdate(t.ctx, early.id, { status: 'in_progress' });
    await postIncidentUpdate(t.ctx, early.id, { status: 'completed' });
    t.clock.set(at(30));
    await worker.tick();
    assert.equal((await findIncident(t.ctx.db, manual.id))?.updates.length, 1);
    assert.equal((await findIncident(t.ctx.db, early.id))?.updates.length, 3);
  });

  test('a component that went down during the window keeps its outage at completion', async () => {
    const db = await createComponent(t.ctx, { name: 'Database' });
    const m = await scheduleMaintenance(t.ctx, {
      name: 'Upgrade',
      scheduledFor: at(1),
      scheduledUntil: at(60),
      remindPrior: 0,
      componentIds: [db.id],
    });
    t.clock.set(at(1));
    await worker.tick();
    await updateIncident(t.ctx, m.id, { name: 'Upgrade (extended)' });
    await postIncidentUpdate(t.ctx, m.id, { status: 'in_progress', components: { [db.id]: 'major_outage' } });
    t.clock.set(at(60));
    await worker.tick();
    assert.equal((await findIncident(t.ctx.db, m.id))?.status, 'completed');
    assert.equal((await findComponent(t.ctx.db, db.id))?.status, 'major_outage');
  });

  test('a maintenance written without the scheduling verb (a page file, an import) is planned by the sweep', async () => {
    const m = await scheduleMaintenance(t.ctx, { name: 'Template', scheduledFor: at(30), scheduledUntil: at(40), remindPrior: 15 });
    const imported = { ...m, id: 'imported0001' as typeof m.id, name: 'Imported', updates: [] };
    await insertIncident(t.ctx.db, imported);
    assert.equal(await planOpenMaintenances(t.ctx), 2);
    await planOpenMaintenances(t.ctx);
    const jobs = (await listJobs(t.ctx.db)).filter((j) => (j.payload as { maintenanceId?: string }).maintenanceId === imported.id);
    assert.deepEqual(jobs.map((j) => j.name).sort(), ['maintenance.complete', 'maintenance.remind', 'maintenance.start']);
    t.clock.set(at(30));
    await worker.tick();
    assert.equal((await findIncident(t.ctx.db, imported.id))?.status, 'in_progress');
  });

  test('each step, called with its payload, acts once and only for the window it was planned for', async () => {
    const m = await scheduleMaintenance(t.ctx, { name: 'Upgrade', scheduledFor: at(30), scheduledUntil: at(40), remindPrior: 15 });
    const payload = {
      maintenanceId: m.id,
      scheduledFor: at(30).toISOString(),
      scheduledUntil: at(40).toISOString(),
      remindPrior: 15,
    };
    const stale = { ...payload, scheduledFor: at(20).toISOString() };
    assert.equal(await remindMaintenanceIfDue(t.ctx, stale), false);
    t.clock.set(at(15));
    assert.equal(await remindMaintenanceIfDue(t.ctx, payload), true);
    assert.equal(await remindMaintenanceIfDue(t.ctx, payload), false, 'reminded once');
    assert.equal(await startMaintenanceIfDue(t.ctx, stale), false);
    t.clock.set(at(30));
    assert.equal(await startMaintenanceIfDue(t.ctx, payload), true);
    assert.equal(await startMaintenanceIfDue(t.ctx, payload), false, 'started once');
    t.clock.set(at(40));
    assert.equal(await completeMaintenanceIfDue(t.ctx, payload), true);
    assert.equal(await completeMaintenanceIfDue(t.ctx, payload), false, 'completed once');
    assert.deepEqual(
      (await findIncident(t.ctx.db, m.id))?.updates.map((u) => [u.status, updateBodyText(u, 'en')]),
      [
        ['completed', 'The scheduled maintenance has been completed.'],
        ['in_progress', 'Scheduled maintenance is currently in progress. We will provide updates as necessary.'],
        ['scheduled', 'Maintenance will begin as scheduled in 15 minutes.'],
        ['scheduled', 'We will be undergoing scheduled maintenance during this time.'],
      ],
    );
  });
});
