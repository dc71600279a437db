/**
 * Memory over time: the compiled server as `npm start` runs it (the example page, SQLite in a temp
 * dir, or a fresh database on `--postgres URL`), a steady public load over several pages,
 * languages, API v2 documents and feeds, and one write a second through the Manage API (component
 * statuses, incident updates, a new incident every two minutes). Every 30 s it prints the server's
 * resident memory (all of it and its anonymous part, from /proc) and the JS heap, external and
 * ArrayBuffer memory (from /metrics); at the end, the growth per 10 minutes over the last 20
 * minutes and over each of their halves (levelling off or not), and once more after a minute without
 * requests (what the process gives back). Figures only. See bench/README.md.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import pg from 'pg';

/** The node flags of `npm start` (`exec node <flags> dist/main.js` in package.json), so the soak runs the server as users do. */
function startFlags(): string {
  const { scripts } = JSON.parse(readFileSync('package.json', 'utf8')) as { scripts: Record<string, string> };
  const flags = /\bnode (.*?) ?dist\/main\.js/.exec(scripts['start'] ?? '')?.[1];
  if (flags === undefined) throw new Error('package.json: the start script does not run node on dist/main.js');
  return flags;
}

const { values: args } = parseArgs({
  options: {
    minutes: { type: 'string', default: '30' },
    postgres: { type: 'string' },
    // Public requests a second (spread over the pages below) and the seconds between printed samples.
    rate: { type: 'string', default: '5' },
    every: { type: 'string', default: '30' },
    // Seconds without any request after the load, then one more sample: what the process gives back.
    idle: { type: 'string', default: '60' },
    // Node's flags for Aviso; the default is what `npm start` passes.
    'node-flags': { type: 'string', default: startFlags() },
    // NAME=VALUE added to the server's environment, to compare variants (e.g. MALLOC_ARENA_MAX=2).
    env: { type: 'string', multiple: true, default: [] },
  },
});
const durationMs = Number(args.minutes) * 60_000;
const rate = Number(args.rate);
const everyMs = Number(args.every) * 1000;
const extraEnv = Object.fromEntries(
  (args.env ?? []).map((pair) => {
    const at = pair.indexOf('=');
    return [pair.slice(0, at), pair.slice(at + 1)];
  }),
);

if (spawnSync(process.execPath, ['scripts/build.js', '--if-stale'], { stdio: 'inherit' }).status !== 0) process.exit(1);

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const agent = new Agent({ keepAlive: true, maxSockets: 8 });

interface Answer {
  status: number;
  body: string;
}

/** One request; the body is read whole (and kept as text only when asked: compressed bodies are dropped). */
function call(
  url: string,
  options: { method?: string; headers?: Record<string, string>; body?: string | undefined; keep?: boolean } = {},
): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method: options.method ?? 'GET', headers: options.headers, agent }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => {
        if (options.keep) chunks.push(chunk);
      });
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
      res.on('error', reject);
    });
    req.setTimeout(30_000, () => req.destroy(new Error('timed out')));
    req.on('error', reject);
    req.end(options.body);
  });
}

// The server's database: SQLite under its data directory, or a fresh PostgreSQL database dropped at the end.
const dataDir = mkdtempSync(join(tmpdir(), 'aviso-bench-soak-'));
let databaseUrl: string | undefined;
let dropDatabase = async () => {};
if (args.postgres !== undefined) {
  const name = `aviso_soak_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: args.postgres });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(args.postgres);
  url.pathname = `/${name}`;
  databaseUrl = url.toString();
  dropDatabase = async () => {
    const client = new pg.Client({ connectionString: args.postgres });
    await client.connect();
    await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await client.end();
  };
}
const port = await freePort();
const base = `http://127.0.0.1:${port}`;
const env: NodeJS.ProcessEnv = {
  ...process.env,
  PORT: String(port),
  HOST: '127.0.0.1',
  AVISO_DATA_DIR: dataDir,
  AVISO_EXAMPLE: 'kinescope',
  AVISO_LOG_LEVEL: 'warn',
  ...(databaseUrl !== undefined && { DATABASE_URL: databaseUrl }),
};
delete env['NODE_OPTIONS'];

let server: ChildProcess | undefined;
async function cleanUp(): Promise<void> {
  if (server !== undefined && server.exitCode === null) {
    const exited = new Promise((resolve) => server?.once('exit', resolve));
    server.kill('SIGTERM');
    await exited;
  }
  agent.destroy();
  rmSync(dataDir, { recursive: true, force: true });
  await dropDatabase().catch((error: unknown) => console.error('could not drop the soak database:', error));
}
process.once('SIGINT', () => void cleanUp().then(() => process.exit(130)));

try {
  const nodeFlags = (args['node-flags'] ?? '').split(' ').filter((flag) => flag !== '');
  server = spawn(process.execPath, [...nodeFlags, 'dist/main.js'], {
    env: { ...env, ...extraEnv },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const pid = server.pid ?? 0;
  const began = performance.now();
  for (;;) {
    const ready = await call(`${base}/readyz`).then(
      (r) => r.status === 200,
      () => false,
    );
    if (ready) break;
    if (server.exitCode !== null) throw new Error(`the server exited with ${server.exitCode}`);
    if (performance.now() - began > 60_000) throw new Error('not ready after 60 s');
    await sleep(50);
  }

  // Two write keys, made the way an operator makes one (the API allows 60 requests a minute per key),
  // then the page, its components and an open incident.
  const keys = ['soak 1', 'soak 2'].map((name) => {
    const made = spawnSync(process.execPath, ['bin/aviso.js', 'api-key', 'create', '--name', name, '--scope', 'write'], {
      env,
      encoding: 'utf8',
    });
    if (made.status !== 0) throw new Error(`aviso api-key create failed: ${made.stderr}`);
    return made.stdout.trim();
  });
  let calls = 0;
  const json = async (method: string, path: string, body?: unknown): Promise<Record<string, unknown>> => {
    const headers = { authorization: `Bearer ${keys[calls++ % keys.length]}`, 'content-type': 'application/json' };
    const answer = await call(`${base}${path}`, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      keep: true,
    });
    if (answer.status >= 300) throw new Error(`${method} ${path}: ${answer.status} ${answer.body.slice(0, 200)}`);
    return JSON.parse(answer.body) as Record<string, unknown>;
  };
  const [page] = (await json('GET', '/v1/pages')) as unknown as { id: string }[];
  if (page === undefined) throw new Error('no page');
  const pagePath = `/v1/pages/${page.id}`;
  const components = ((await json('GET', `${pagePath}/components`)) as unknown as { id: string; group: boolean }[]).filter((c) => !c.group);
  const openIncident = async (n: number) =>
    (
      await json('POST', `${pagePath}/incidents`, {
        incident: { name: `Soak incident ${n}`, status: 'investigating', body: 'Looking into it.' },
      })
    )['id'] as string;
  let incident = await openIncident(0);

  // One write a second: component statuses in turn, incident updates, and every 120 writes the incident resolved and a new one opened.
  const statuses = ['degraded_performance', 'partial_outage', 'major_outage', 'operational'];
  const incidentStatuses = ['identified', 'monitoring', 'investigating'];
  const writes = { done: 0, failed: 0, incidents: 1 };
  const write = async (n: number) => {
    if (n % 120 === 119) {
      await json('PATCH', `${pagePath}/incidents/${incident}`, { incident: { status: 'resolved', body: 'Resolved.' } });
      incident = await openIncident(writes.incidents++);
    } else if (n % 2 === 0) {
      const component = components[(n / 2) % components.length];
      await json('PATCH', `${pagePath}/components/${component?.id}`, { component: { status: statuses[n % statuses.length] } });
    } else {
      await json('PATCH', `${pagePath}/incidents/${incident}`, {
        incident: { status: incidentStatuses[n % incidentStatuses.length], body: `Update ${n}: still working on it.` },
      });
    }
  };

  // What visitors, widgets and feed readers ask for, in several languages and encodings.
  const visits: { path: string; headers?: Record<string, string> }[] = [
    { path: '/' },
    { path: '/', headers: { 'accept-language': 'de-DE,de;q=0.9' } },
    { path: '/', headers: { 'accept-language': 'ru' } },
    { path: '/?locale=fr' },
    { path: '/?locale=pt-BR' },
    { path: '/?locale=es' },
    { path: '/history' },
    { path: '/history?locale=de' },
    { path: '/uptime' },
    { path: 'INCIDENT' },
    { path: 'INCIDENT', headers: { 'accept-language': 'fr' } },
    { path: '/api/v2/summary.json' },
    { path: '/api/v2/status.json' },
    { path: '/api/v2/components.json' },
    { path: '/api/v2/incidents.json' },
    { path: '/api/v2/incidents/unresolved.json' },
    { path: '/api/v2/scheduled-maintenances.json' },
    { path: '/history.atom' },
    { path: '/history.rss' },
    { path: '/maintenances.ics' },
    { path: '/badge.svg' },
    { path: '/embed.js' },
  ];
  const encodings = ['br', 'gzip, deflate', 'gzip, deflate, br', 'identity'];
  const reads = { done: 0, failed: 0 };
  let visit = 0;
  const read = async () => {
    const n = visit++;
    const target = visits[n % visits.length] ?? { path: '/' };
    const path = target.path === 'INCIDENT' ? `/incidents/${incident}` : target.path;
    const answer = await call(`${base}${path}`, {
      headers: { ...target.headers, 'accept-encoding': encodings[n % encodings.length] ?? 'br' },
    });
    if (answer.status !== 200) throw new Error(`${path}: ${answer.status}`);
  };

  const sample = async (elapsedMs: number) => {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kib = (field: string) => Number(new RegExp(`${field}:\\s+(\\d+) kB`).exec(status)?.[1] ?? NaN) / 1024;
    const metrics = (await call(`${base}/metrics`, { keep: true })).body;
    const metric = (name: string) => Number(new RegExp(`^${name}(?:\\{[^}]*\\})? (\\S+)$`, 'm').exec(metrics)?.[1] ?? NaN) / 2 ** 20;
    return {
      minutes: elapsedMs / 60_000,
      rss: kib('VmRSS'),
      anon: kib('RssAnon'),
      heapUsed: metric('nodejs_heap_size_used_bytes'),
      heapTotal: metric('nodejs_heap_size_total_bytes'),
      external: metric('nodejs_external_memory_bytes'),
      arrayBuffers: metric('nodejs_array_buffers_bytes'),
    };
  };
  type Sample = Awaited<ReturnType<typeof sample>>;
  const samples: Sample[] = [];
  const columns = ['min', 'RSS MiB', 'anon MiB', 'heapUsed', 'heapTotal', 'external', 'arrayBufs', 'reads', 'failed', 'writes', 'failed'];
  const print = (cells: (string | number)[]) => console.log(cells.map((c) => String(c).padStart(10)).join(''));
  console.log(
    `\nAviso (${args['node-flags']}${Object.keys(extraEnv).length > 0 ? ` ${args.env?.join(' ')}` : ''}) on ${args.postgres !== undefined ? 'PostgreSQL' : 'SQLite'}; ` +
      `${rate} public requests/s over ${visits.length} URLs, 1 write/s through the API, ${args.minutes} min; memory in MiB`,
  );
  print(columns);
  const record = async (elapsedMs: number) => {
    const s = await sample(elapsedMs);
    samples.push(s);
    print([
      s.minutes.toFixed(1),
      s.rss.toFixed(1),
      s.anon.toFixed(1),
      s.heapUsed.toFixed(1),
      s.heapTotal.toFixed(1),
      s.external.toFixed(1),
      s.arrayBuffers.toFixed(1),
      reads.done,
      reads.failed,
      writes.done,
      writes.failed,
    ]);
  };

  const start = performance.now();
  const elapsed = () => performance.now() - start;
  await record(0);
  const errors = new Map<string, number>();
  const count = (error: unknown) => {
    const text = error instanceof Error ? error.message : String(error);
    errors.set(text, (errors.get(text) ?? 0) + 1);
  };
  // Writes on a 1 s clock, reads on a 1/rate s clock, samples on their own clock; none waits for another.
  const writer = (async () => {
    for (let n = 0; elapsed() < durationMs; n++) {
      await write(n).then(
        () => writes.done++,
        (error: unknown) => {
          writes.failed++;
          count(error);
        },
      );
      await sleep(Math.max(0, (n + 1) * 1000 - elapsed()));
    }
  })();
  const readers = (async () => {
    const pending = new Set<Promise<void>>();
    for (let n = 0; elapsed() < durationMs; n++) {
      const p: Promise<void> = read().then(
        () => void reads.done++,
        (error: unknown) => {
          reads.failed++;
          count(error);
        },
      );
      pending.add(p);
      void p.finally(() => pending.delete(p));
      await sleep(Math.max(0, ((n + 1) * 1000) / rate - elapsed()));
    }
    await Promise.all(pending);
  })();
  for (let next = everyMs; next <= durationMs; next += everyMs) {
    await sleep(Math.max(0, next - elapsed()));
    await record(next);
  }
  await Promise.all([writer, readers]);
  const idleMs = Number(args.idle) * 1000;
  if (idleMs > 0) {
    await sleep(idleMs);
    const s = await sample(elapsed());
    print([
      `idle ${args.idle}s`,
      s.rss.toFixed(1),
      s.anon.toFixed(1),
      s.heapUsed.toFixed(1),
      s.heapTotal.toFixed(1),
      s.external.toFixed(1),
      s.arrayBuffers.toFixed(1),
    ]);
  }
  for (const [text, times] of errors) console.log(`failure (${times}×): ${text}`);

  // Growth per 10 minutes: least-squares slope of RSS (and the rest) over a window of samples.
  const slope = (from: number, to: number, pick: (s: Sample) => number) => {
    const window = samples.filter((s) => s.minutes >= from - 1e-9 && s.minutes <= to + 1e-9);
    if (window.length < 2) return NaN;
    const mx = window.reduce((sum, s) => sum + s.minutes, 0) / window.length;
    const my = window.reduce((sum, s) => sum + pick(s), 0) / window.length;
    const sxy = window.reduce((sum, s) => sum + (s.minutes - mx) * (pick(s) - my), 0);
    const sxx = window.reduce((sum, s) => sum + (s.minutes - mx) ** 2, 0);
    return (sxy / sxx) * 10;
  };
  const end = samples.at(-1)?.minutes ?? 0;
  const from = Math.max(0, end - 20);
  const middle = (from + end) / 2;
  const growth = (pick: (s: Sample) => number) =>
    `${slope(from, end, pick).toFixed(1)} (first half ${slope(from, middle, pick).toFixed(1)}, second half ${slope(middle, end, pick).toFixed(1)})`;
  console.log(`\ngrowth per 10 min over minutes ${from.toFixed(0)}–${end.toFixed(0)}, MiB:`);
  console.log(`  RSS        ${growth((s) => s.rss)}`);
  console.log(`  anonymous  ${growth((s) => s.anon)}`);
  console.log(`  heapUsed   ${growth((s) => s.heapUsed)}`);
  console.log(`  external   ${growth((s) => s.external)}`);
  const first = samples[0];
  const last = samples.at(-1);
  if (first !== undefined && last !== undefined)
    console.log(
      `RSS ${first.rss.toFixed(1)} → ${last.rss.toFixed(1)} MiB (×${(last.rss / first.rss).toFixed(2)}); ${reads.done} reads, ${writes.done} writes`,
    );
} finally {
  await cleanUp();
}
