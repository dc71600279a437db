import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createTestContext } from '../../../test/support/test-context.ts';
import { createComponent } from '../components/index.ts';
import { exportSubscribersCsv, importSubscribersCsv, listSubscribers, parseCsv } from './index.ts';
import { createTestOutbound } from '../../../test/support/outbound.ts';

const outbound = createTestOutbound();

test('CSV cells may be quoted, hold commas, quotes and line breaks; blank lines are skipped', () => {
  assert.deepEqual(parseCsv('address,locale\r\n"a,b@example.com",fr\n\n"say ""hi""\nthere",de'), [
    ['address', 'locale'],
    ['a,b@example.com', 'fr'],
    ['say "hi"\nthere', 'de'],
  ]);
});

test('an export imports again unchanged, and a cell a spreadsheet would run as a formula is defused', async (t) => {
  const first = await createTestContext();
  const second = await createTestContext();
  t.after(async () => {
    await first.close();
    await second.close();
  });
  assert.deepEqual(await importSubscribersCsv(first.ctx, 'address,locale\nann@example.com,pt-BR\n+cmd@example.com,en\n', outbound), {
    added: 2,
    skipped: 0,
  });
  let csv = '';
  for await (const chunk of exportSubscribersCsv(first.ctx)) csv += chunk;
  assert.match(csv, /,'\+cmd@example\.com,/);
  assert.deepEqual(await importSubscribersCsv(second.ctx, csv, outbound), { added: 2, skipped: 0 });
  let again = '';
  for await (const chunk of exportSubscribersCsv(second.ctx)) again += chunk;
  const strip = (text: string) =>
    text
      .split('\n')
      .map((line) => line.split(',').slice(1, 8).join(','))
      .sort();
  assert.deepEqual(strip(again), strip(csv));
});

test('importing a CSV with component scopes twice skips the addresses already there and keeps their scope', async (t) => {
  const page = await createTestContext();
  t.after(async () => page.close());
  const api = await createComponent(page.ctx, { name: 'API' });
  const web = await createComponent(page.ctx, { name: 'Web' });
  const csv = `address,component_ids\nann@example.com,${api.id}\n`;
  assert.deepEqual(await importSubscribersCsv(page.ctx, csv, outbound), { added: 1, skipped: 0 });
  const again = `address,component_ids\nann@example.com,${web.id}\nbob@example.com,${web.id}\n`;
  assert.deepEqual(await importSubscribersCsv(page.ctx, again, outbound), { added: 1, skipped: 1 });
  const { subscribers } = await listSubscribers(page.ctx, { limit: 10, offset: 0 });
  assert.deepEqual(subscribers.map((s) => [s.address, s.componentIds]).sort(), [
    ['ann@example.com', [api.id]],
    ['bob@example.com', [web.id]],
  ]);
});
