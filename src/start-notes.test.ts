import assert from 'node:assert/strict';
import { test } from 'node:test';
import { pino } from 'pino';
import { loadConfig } from './config.ts';
import { loadExample } from './modules/page-as-code/index.ts';
import { logStartNotes } from './start-notes.ts';
import { createTestContext } from '../test/support/test-context.ts';

test("the start log warns about email without SMTP and says where the example's story is on a later day", async (t) => {
  const test_ = await createTestContext({ withPage: false, now: '2026-11-29T12:00:00.000Z' });
  t.after(() => test_.close());
  await loadExample(test_.ctx, 'kinescope');
  const run = async (env: Record<string, string>) => {
    const lines: Array<{ level: number; msg: string; history?: string; uptime?: string }> = [];
    const log = pino({ level: 'info' }, { write: (line: string) => lines.push(JSON.parse(line) as (typeof lines)[number]) });
    await logStartNotes(
      { ...test_.ctx, log },
      loadConfig({ AVISO_LOG_LEVEL: 'silent', AVISO_PUBLIC_URL: 'https://status.example.com', ...env }),
    );
    return lines;
  };

  const bare = await run({});
  const warning = bare.find((l) => /email subscriptions are open but no SMTP server is set up/.test(l.msg));
  assert.equal(warning?.level, 40, 'a warning');
  const story = bare.find((l) => /the newest incident is from 2025-11/.test(l.msg));
  assert.equal(story?.history, 'https://status.example.com/history?page=5#m-2025-11');
  assert.equal(story?.uptime, 'https://status.example.com/uptime?page=5');

  const withMail = await run({ AVISO_SMTP_URL: 'smtp://127.0.0.1:9' });
  assert.ok(!withMail.some((l) => /SMTP/.test(l.msg)));

  test_.clock.set('2025-11-25T09:00:00.000Z');
  assert.ok(!(await run({})).some((l) => /newest incident/.test(l.msg)), 'nothing to point at while the story is on the first page');
});
