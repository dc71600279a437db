import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createTestContext } from '../../../test/support/test-context.ts';
import { exportSubscribersCsv, importSubscribersCsv, parseCsv } from './index.ts';
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
