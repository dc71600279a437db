/**
 * The cost of the foundations every request and job pays, as ratios to a primary-key read of the
 * page row measured in the same run: checking an API key, checking a session, and running queued
 * jobs (one worker, then two sharing the database). Also the absolute cost of one password check,
 * which is meant to be slow. SQLite in a temp file. Run: npm run bench:accounts
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { authenticateApiKey, authenticateSession, createApiKey, createUser, logIn } from '../src/modules/accounts/index.ts';
import { ensurePage } from '../src/modules/page/index.ts';
import { enqueue, JobWorker } from '../src/jobs/index.ts';
import { systemClock } from '../src/shared/clock.ts';
import { systemActor, type Ctx } from '../src/shared/context.ts';
import { silentLogger } from '../src/shared/logger.ts';
import { openDatabase } from '../src/storage/database.ts';
import { migrate } from '../src/storage/migrate.ts';
import { Revisions } from '../src/storage/revisions.ts';

const dir = mkdtempSync(join(tmpdir(), 'aviso-bench-'));
const file = join(dir, 'aviso.sqlite');
const database = openDatabase({ kind: 'sqlite', file });
const second = openDatabase({ kind: 'sqlite', file });

async function perCall(rounds: number, work: () => Promise<unknown>): Promise<number> {
  for (let i = 0; i < Math.min(200, rounds); i++) await work();
  const start = process.hrtime.bigint();
  for (let i = 0; i < rounds; i++) await work();
  return Number(process.hrtime.bigint() - start) / 1000 / rounds;
}

async function drain(workers: JobWorker[], jobs: number, ctx: Ctx): Promise<number> {
  for (let i = 0; i < jobs; i++) await enqueue(ctx.db, { name: 'noop', payload: { i } });
  const start = process.hrtime.bigint();
  await Promise.all(workers.map((w) => w.tick()));
  return Number(process.hrtime.bigint() - start) / 1000 / jobs;
}

try {
  await migrate(database.db);
  const ctx: Ctx = { db: database.db, clock: systemClock, log: silentLogger, actor: systemActor, revisions: new Revisions() };
  const page = await ensurePage(ctx, { name: 'Bench', url: 'http://127.0.0.1', timeZone: 'Etc/UTC', defaultLocale: 'en', locales: ['en'] });
  const { key } = await createApiKey(ctx, { name: 'bench', scope: 'write' });
  await createUser(ctx, { email: 'bench@example.com', name: 'Bench', password: 'bench password 1', role: 'owner' });

  const rounds = 5000;
  const baseline = await perCall(rounds, () => database.db.selectFrom('pages').select('name').where('id', '=', page.id).executeTakeFirst());
  const apiKey = await perCall(rounds, () => authenticateApiKey(ctx, key));
  const loginStart = process.hrtime.bigint();
  const { sessionToken } = await logIn(ctx, { email: 'bench@example.com', password: 'bench password 1', ip: '127.0.0.1' });
  const loginMs = Number(process.hrtime.bigint() - loginStart) / 1e6;
  const session = await perCall(rounds, () => authenticateSession(ctx, sessionToken));

  const handlers = { noop: async () => {} };
  const one = await drain([new JobWorker({ ctx, handlers, batchSize: 10 })], 2000, ctx);
  const two = await drain(
    [new JobWorker({ ctx, handlers, batchSize: 10 }), new JobWorker({ ctx: { ...ctx, db: second.db }, handlers, batchSize: 10 })],
    2000,
    ctx,
  );

  const row = (label: string, us: number) =>
    console.log(`${label.padEnd(44)} ${us.toFixed(1).padStart(8)} µs   ×${(us / baseline).toFixed(1)}`);
  console.log(`SQLite file; ${rounds} calls each; ratio to a primary-key read of the page row`);
  row('primary-key read (baseline)', baseline);
  row('authenticateApiKey (hash + indexed read)', apiKey);
  row('authenticateSession (hash + 2 reads)', session);
  row('job run, one worker (claim + complete)', one);
  row('job run, two workers on one file', two);
  console.log(`logIn with scrypt N=2^15 r=8 p=1: ${loginMs.toFixed(0)} ms (deliberately slow)`);
} finally {
  await second.close();
  await database.close();
  rmSync(dir, { recursive: true, force: true });
}
