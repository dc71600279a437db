import assert from 'node:assert/strict';
import { test } from 'node:test';
import { buildJobs } from './app-jobs.ts';
import { createChannels } from './modules/notifications/index.ts';
import { maintenanceJobs } from './modules/incidents/index.ts';
import { createOutbound, publicTargetsOnly } from './outbound/index.ts';
import { outboxJobs } from './outbox/index.ts';
import { checkJobName } from './modules/monitors/index.ts';

const jobs = buildJobs({
  notifications: {
    publicUrl: 'https://status.example.test',
    channels: createChannels({ outbound: createOutbound({ policy: publicTargetsOnly, dnsServers: [] }) }),
  },
});

test('every job the modules and the outbox enqueue has a handler', () => {
  const names = [...Object.values(maintenanceJobs), ...Object.values(outboxJobs), checkJobName];
  for (const name of names) assert.ok(name in jobs.handlers, `${name} has a handler`);
});

test('every recurring job has a handler, and each is enqueued once per period', () => {
  assert.deepEqual(jobs.recurring.map((r) => r.name).sort(), [
    'jobs.purge',
    'maintenance.plan',
    'monitors.ensure-scheduled',
    'monitors.roll-up',
    'subscribers.purge',
  ]);
  for (const recurring of jobs.recurring) assert.ok(recurring.name in jobs.handlers, `${recurring.name} has a handler`);
});
