/**
 * Third-party mirroring at scale: 200 third-party components over 20 source pages (local HTTP
 * servers replaying a captured Statuspage summary, one component changing every five simulated
 * minutes), polled for a simulated hour by two job workers sharing one SQLite file (as two
 * instances), each ticking every simulated 5 s. Prints requests per source per 60-second interval
 * (target: exactly 1), the process's CPU time and memory, and the CPU per poll as a ratio to the
 * same number of plain requests to the same servers through the guarded client, measured in the
 * same run. Run: npm run bench:third-party
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildJobs } from '../src/app-jobs.ts';
import { JobWorker } from '../src/jobs/index.ts';
import { createComponent, listComponents } from '../src/modules/components/index.ts';
import { createChannels } from '../src/modules/notifications/index.ts';
import { ensurePage } from '../src/modules/page/index.ts';
import { FixedClock } from '../src/shared/clock.ts';
import { systemActor, type Ctx } from '../src/shared/context.ts';
import { silentLogger } from '../src/shared/logger.ts';
import { openDatabase } from '../src/storage/database.ts';
import { migrate } from '../src/storage/migrate.ts';
import { Revisions } from '../src/storage/revisions.ts';
import { createTestOutbound } from '../test/support/outbound.ts';
import { startUpstreamStatuspage } from '../test/support/upstream-statuspage.ts';

const sourceCount = 20;
const perSource = 10;
const hourMs = 3600_000;
const tickMs = 5000;

const dir = mkdtempSync(join(tmpdir(), 'aviso-bench-'));
const file = join(dir, 'aviso.sqlite');
const databases = [openDatabase({ kind: 'sqlite', file }), openDatabase({ kind: 'sqlite', file })];
const upstreams = await Promise.all(Array.from({ length: sourceCount }, () => startUpstreamStatuspage()));
const outbounds = [createTestOutbound(), createTestOutbound()];

const cpuMs = (from: NodeJS.CpuUsage) => {
  const used = process.cpuUsage(from);
  return (used.user + used.system) / 1000;
};
const mib = (bytes: number) => (bytes / 1024 / 1024).toFixed(1);

try {
  await migrate(databases[0]!.db);
  const clock = new FixedClock('2025-11-20T12:00:00.000Z');
  const ctxs: Ctx[] = databases.map((d) => ({ db: d.db, clock, log: silentLogger, actor: systemActor, revisions: new Revisions() }));
  await ensurePage(ctxs[0]!, { name: 'Bench', url: 'http://127.0.0.1', timeZone: 'Etc/UTC', defaultLocale: 'en', locales: ['en'] });
  const leafIds = upstreams[0]!.components.filter((c) => !c.group).map((c) => c.id);
  for (const upstream of upstreams)
    for (let i = 0; i < perSource; i++)
      await createComponent(ctxs[0]!, { name: `Mirror ${i}`, thirdParty: { sourceUrl: upstream.base, componentId: leafIds[i]! } });

  const workers = ctxs.map((ctx, i) => {
    const jobs = buildJobs({
      notifications: { publicUrl: 'http://127.0.0.1', channels: createChannels({ outbound: outbounds[i]! }) },
      thirdParty: { outbound: outbounds[i]! },
    });
    return new JobWorker({ ctx, handlers: jobs.handlers, recurring: jobs.recurring, id: `bench-${i}` });
  });

  global.gc?.();
  const rssBefore = process.memoryUsage().rss;
  let rssPeak = rssBefore;
  const started = process.cpuUsage();
  const wallStart = performance.now();
  let changes = 0;
  for (let at = 0; at < hourMs; at += tickMs) {
    if (at > 0 && at % 300_000 === 0) {
      const upstream = upstreams[(at / 300_000) % sourceCount]!;
      upstream.setStatus(leafIds[changes % perSource]!, changes % 2 === 0 ? 'major_outage' : 'operational');
      changes++;
    }
    await Promise.all(workers.map((w) => w.tick()));
    rssPeak = Math.max(rssPeak, process.memoryUsage().rss);
    clock.advance(tickMs);
  }
  const pollCpu = cpuMs(started);
  const wall = performance.now() - wallStart;

  // Requests per source over the hour, as each server counted them.
  const polls = upstreams.map((u) => u.polls().length);
  const totalPolls = polls.reduce((a, b) => a + b, 0);
  const intervals = hourMs / 60_000;

  // The baseline: the same number of plain requests to the same servers through the guarded client.
  const plainStarted = process.cpuUsage();
  for (let i = 0; i < totalPolls; i++) {
    const answer = await outbounds[0]!.request(`${upstreams[i % sourceCount]!.base}/api/v2/summary.json`, { timeoutMs: 5000 });
    if (!answer.ok) throw new Error(answer.reason);
  }
  const plainCpu = cpuMs(plainStarted);

  const mirrored = (await listComponents(ctxs[0]!.db)).filter((c) => c.status === 'major_outage').length;
  console.log(
    `${sourceCount} sources × ${perSource} components, a simulated hour (${intervals} intervals of 60 s), 2 workers on one SQLite file`,
  );
  console.log(`requests per source: min ${Math.min(...polls)}, max ${Math.max(...polls)} (target ${intervals}: one per interval)`);
  console.log(`requests per source per interval: ${(totalPolls / sourceCount / intervals).toFixed(2)}`);
  console.log(`upstream changes: ${changes}; components now major_outage: ${mirrored}`);
  console.log(`CPU: ${pollCpu.toFixed(0)} ms for the hour (${(pollCpu / totalPolls).toFixed(2)} ms per poll), wall ${wall.toFixed(0)} ms`);
  console.log(
    `plain requests (baseline): ${(plainCpu / totalPolls).toFixed(2)} ms CPU each; polling costs ×${(pollCpu / plainCpu).toFixed(2)}`,
  );
  console.log(`memory: RSS ${mib(rssBefore)} MiB before, peak ${mib(rssPeak)} MiB (+${mib(rssPeak - rssBefore)})`);
} finally {
  for (const outbound of outbounds) await outbound.close();
  for (const upstream of upstreams) await upstream.close();
  for (const database of databases) await database.close();
  rmSync(dir, { recursive: true, force: true });
}
