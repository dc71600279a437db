import { join } from 'node:path';
import { openDatabase } from '../src/storage/database.ts';
import { addToRollup, insertResult, listMonitorRows } from '../src/modules/monitors/index.ts';

/**
 * Gives every monitor of a data directory response times to draw: a check every ten minutes over
 * the last day with a slow stretch, a failure and three hours that could not run, and hourly sums
 * over the month before with two days missing. Run between `aviso apply` and the start.
 */
const [dataDir, nowText] = process.argv.slice(2) as [string, string];
const now = new Date(nowText).getTime();
const database = openDatabase({ kind: 'sqlite', file: join(dataDir, 'aviso.sqlite') });
const hour = 3600_000;
for (const monitor of await listMonitorRows(database.db)) {
  for (let at = now - 24 * hour; at <= now; at += 10 * 60_000) {
    const hoursAgo = (now - at) / hour;
    if (hoursAgo > 6 && hoursAgo < 9) continue;
    const outcome = hoursAgo > 12 && hoursAgo < 12.2 ? 'down' : 'up';
    const durationMs = Math.round(120 + 40 * Math.sin(at / (2 * hour)) + (hoursAgo > 2 && hoursAgo < 4 ? 300 : 0));
    await insertResult(database.db, { monitorId: monitor.id, checkedAt: new Date(at), outcome, durationMs, reason: null });
  }
  for (let at = Math.floor((now - 25 * hour) / hour) * hour; at > now - 30 * 24 * hour; at -= hour) {
    const day = Math.floor((now - at) / (24 * hour));
    if (day === 9 || day === 10) continue;
    const average = 130 + 20 * Math.sin(at / (5 * hour)) + (day === 15 ? 200 : 0);
    await addToRollup(database.db, {
      monitorId: monitor.id,
      period: 'hour',
      periodStart: new Date(at),
      upCount: 6,
      degradedCount: 0,
      downCount: 0,
      noDataCount: 0,
      durationSumMs: Math.round(average * 6),
      durationCount: 6,
      durationMaxMs: Math.round(average * 1.8),
    });
  }
}
await database.close();
