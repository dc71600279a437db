/**
 * A third-party component mirroring a page, to watch in a browser: a local page on 127.0.0.1
 * replays a recorded Statuspage response (HashiCorp's, test/fixtures/statuspage), Aviso (SQLite in
 * a temp dir) mirrors three of its components, and every 40 s the local page changes one of them,
 * then goes away for a while and comes back. Aviso polls every 30 s (the shortest interval).
 * Run: npm run demo:third-party, then open the printed address. Ctrl-C stops it.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildJobs } from '../src/app-jobs.ts';
import { startAviso } from '../src/start-aviso.ts';
import { loadConfig } from '../src/config.ts';
import { JobWorker } from '../src/jobs/index.ts';
import { createComponent } from '../src/modules/components/index.ts';
import { notificationSettings } from '../src/modules/notifications/index.ts';
import { createOutbound } from '../src/outbound/index.ts';
import { pollDueSources, setSourceInterval } from '../src/modules/third-party/index.ts';
import { createLogger } from '../src/shared/logger.ts';
import { startUpstreamStatuspage } from '../test/support/upstream-statuspage.ts';

const dir = mkdtempSync(join(tmpdir(), 'aviso-demo-'));
const upstream = await startUpstreamStatuspage();
const config = loadConfig({
  AVISO_DATA_DIR: dir,
  AVISO_EXAMPLE: 'none',
  AVISO_ALLOW_PRIVATE_TARGETS: '127.0.0.0/8',
  HOST: '127.0.0.1',
  PORT: process.env['PORT'] ?? '3000',
  AVISO_LOG_LEVEL: 'warn',
});
const log = createLogger(config.logLevel);
const started = await startAviso({ config, log });
const ctx = started.aviso.deps.ctx;
const outbound = createOutbound(config.outbound);
const mirrored = [
  ['Terraform Cloud', '7cgbxrw10wgr'],
  ['HCP → Consul', 'HashiCorp Cloud Platform (HCP) → Consul'],
  ['HCP (the whole group)', 'ym75hzpmfq4q'],
] as const;
for (const [name, componentId] of mirrored)
  await createComponent(ctx, { name: `Third Party: HashiCorp ${name}`, thirdParty: { sourceUrl: upstream.base, componentId } });
await pollDueSources(ctx, { outbound });
await setSourceInterval(ctx, { url: upstream.base, intervalSeconds: 30 });
const jobs = buildJobs({ notifications: notificationSettings(config), thirdParty: { outbound } });
const worker = new JobWorker({ ctx, handlers: jobs.handlers, recurring: jobs.recurring });
worker.start();
await started.aviso.app.listen({ port: config.port, host: config.host });
console.log(`Aviso: http://127.0.0.1:${config.port}/   the mirrored page: ${upstream.base}/api/v2/summary.json`);

const script: [string, () => void][] = [
  ['Terraform Cloud: major outage upstream', () => upstream.setStatus('7cgbxrw10wgr', 'major_outage')],
  ['Consul: partial outage upstream (the HCP group follows)', () => upstream.setStatus('b4pr9x7288zy', 'partial_outage')],
  ['the upstream page goes away (unknown after three failed polls)', () => upstream.goAway()],
  ['the upstream page is back', () => upstream.comeBack()],
  ['everything operational upstream', () => ['7cgbxrw10wgr', 'b4pr9x7288zy'].forEach((id) => upstream.setStatus(id, 'operational'))],
];
let step = 0;
const timer = setInterval(() => {
  const [label, change] = script[step % script.length]!;
  console.log(`${new Date().toISOString()}  ${label}`);
  change();
  step++;
}, 40_000);

const stop = async () => {
  clearInterval(timer);
  await worker.stop();
  await started.aviso.app.close();
  await started.close();
  await outbound.close();
  await upstream.close();
  rmSync(dir, { recursive: true, force: true });
  process.exit(0);
};
process.once('SIGINT', () => void stop());
process.once('SIGTERM', () => void stop());
