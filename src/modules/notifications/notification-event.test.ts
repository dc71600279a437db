import assert from 'node:assert/strict';
import { test } from 'node:test';
import { deliverPayloadSchema, fanOutPayloadSchema } from './notification-event.ts';

const change = (oldStatus: string, newStatus: string) => ({
  id: 'e1',
  at: '2025-11-20T12:00:00.000Z',
  kind: 'component.updated',
  componentId: 'abcdefghijkl',
  oldStatus,
  newStatus,
});

test('a component change read back from the outbox keeps its statuses', () => {
  const { event } = fanOutPayloadSchema.parse({ event: change('operational', 'major_outage') });
  assert.equal(event.kind, 'component.updated');
  assert.deepEqual([event.oldStatus, event.newStatus], ['operational', 'major_outage']);
});

test('a payload naming a status Aviso does not know is refused, not rendered', () => {
  const fanOut = fanOutPayloadSchema.safeParse({ event: change('operational', 'on_fire') });
  assert.equal(fanOut.success, false);
  assert.match(fanOut.error?.issues[0]?.message ?? '', /unknown component status in operational → on_fire/);
  assert.equal(deliverPayloadSchema.safeParse({ event: change('melted', 'operational'), subscriberIds: ['s1'] }).success, false);
});

test('other events pass through as written', () => {
  const parsed = deliverPayloadSchema.parse({
    event: { id: 'e2', at: '2025-11-20T12:00:00.000Z', kind: 'subscriber.confirmation' },
    subscriberIds: ['s1'],
  });
  assert.deepEqual(parsed, { event: { id: 'e2', at: '2025-11-20T12:00:00.000Z', kind: 'subscriber.confirmation' }, subscriberIds: ['s1'] });
});
