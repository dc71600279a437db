import type { Ctx } from '../../shared/context.ts';
import type { Outbound } from '../../outbound/index.ts';
import { writePrivately } from '../../storage/write.ts';
import { listComponents, mirrorThirdPartyStatuses, type ComponentStatus } from '../components/index.ts';
import { adapterFor, kindOf, upstreamPath, type UpstreamComponent } from './source-adapters.ts';
import { claimPoll, deleteSource, insertSource, listSources, recordFailure, recordRead } from './source-store.ts';
import { backoffMs, defaultIntervalSeconds, type ThirdPartySource } from './third-party-source.ts';

export interface PollSettings {
  /** The guarded client every request to a source goes through. */
  outbound: Outbound;
  /** For the whole exchange with one source. Default 10 s. */
  timeoutMs?: number;
  /** Polls in a row that fail before the source's components are shown as unknown. Default 3. */
  failuresBeforeUnknown?: number;
  /** Sources polled at once. Default 8. */
  concurrency?: number;
  /** For the backoff's jitter (tests pin it). */
  random?: () => number;
}

/** The sources the components mirror now: new ones are added (due at once), unused ones dropped. */
async function syncSources(ctx: Ctx, now: Date): Promise<ThirdPartySource[]> {
  const components = await listComponents(ctx.db);
  const wanted = new Set(components.flatMap((c) => (c.isGroup || c.thirdParty === null ? [] : [c.thirdParty.sourceUrl])));
  const known = await listSources(ctx.db);
  const missing = [...wanted].filter((url) => !known.some((s) => s.url === url));
  const unused = known.filter((s) => !wanted.has(s.url));
  if (missing.length > 0 || unused.length > 0) {
    await writePrivately(ctx, async (tx) => {
      for (const url of missing) await insertSource(tx, { url, kind: kindOf(url), intervalSeconds: defaultIntervalSeconds }, now);
      for (const source of unused) await deleteSource(tx, source.url);
    });
    return listSources(ctx.db);
  }
  return known;
}

function header(headers: Record<string, string | string[] | undefined>, name: string): string | null {
  const value = headers[name];
  return typeof value === 'string' ? value : (value?.[0] ?? null);
}

type Outcome =
  { read: true; catalogue: UpstreamComponent[] | null; etag: string | null; lastModified: string | null } | { read: false; error: string };

/**
 * One request to a source, conditional when validators are given (`catalogue` is then null for a
 * 304); never throws for the source's failures.
 */
export async function readSource(
  outbound: Outbound,
  source: { url: string; kind: string; etag?: string | null; lastModified?: string | null },
  timeoutMs: number,
): Promise<Outcome> {
  const adapter = adapterFor(source.kind);
  const headers: Record<string, string> = { accept: 'application/json' };
  if (source.etag) headers['if-none-match'] = source.etag;
  if (source.lastModified) headers['if-modified-since'] = source.lastModified;
  const answer = await outbound.request(adapter.documentUrl(source.url), {
    timeoutMs,
    headers,
    maxRedirects: 3,
    maxBodyBytes: 8 * 1024 * 1024,
  });
  if (!answer.ok) return { read: false, error: answer.reason };
  const validators = { etag: header(answer.headers, 'etag'), lastModified: header(answer.headers, 'last-modified') };
  if (answer.status === 304 && (source.etag || source.lastModified)) return { read: true, catalogue: null, ...validators };
  if (answer.status !== 200) return { read: false, error: `the source answered ${answer.status}` };
  let document: unknown;
  try {
    document = JSON.parse(answer.body.toString('utf8'));
  } catch {
    return { read: false, error: 'the source did not answer with JSON' };
  }
  const catalogue = adapter.read(document);
  if (catalogue === undefined) return { read: false, error: 'the source did not answer with a list of components' };
  return { read: true, catalogue, ...validators };
}

/** One conditional request for a known source: its validators are sent only while its components are kept. */
function request(source: ThirdPartySource, settings: PollSettings): Promise<Outcome> {
  const known = source.catalogue !== null;
  return readSource(
    settings.outbound,
    { url: source.url, kind: source.kind, etag: known ? source.etag : null, lastModified: known ? source.lastModified : null },
    settings.timeoutMs ?? 10_000,
  );
}

/** Polls one due source, unless another instance took this poll first. */
async function pollSource(ctx: Ctx, source: ThirdPartySource, settings: PollSettings): Promise<boolean> {
  const claimedAt = ctx.clock.now();
  const next = new Date(claimedAt.getTime() + source.intervalSeconds * 1000);
  if (!(await claimPoll(ctx.db, source.url, source.nextPollAt, next, claimedAt))) return false;
  const outcome = await request(source, settings);
  const now = ctx.clock.now();
  if (outcome.read) {
    await writePrivately(ctx, (tx) => recordRead(tx, source.url, outcome, now));
    const catalogue = outcome.catalogue ?? source.catalogue ?? [];
    // A component is named by its id, or by its path on the source ("Email Services → Outbound Delivery").
    const statuses = new Map<string, ComponentStatus>(catalogue.map((c) => [upstreamPath(c, catalogue), c.status]));
    for (const c of catalogue) statuses.set(c.id, c.status);
    await mirrorThirdPartyStatuses(ctx, source.url, { readable: true, statuses });
    return true;
  }
  const failures = source.consecutiveFailures + 1;
  const failingSince = source.failingSince ?? claimedAt;
  const nextPollAt = new Date(claimedAt.getTime() + backoffMs(source.intervalSeconds, failures, settings.random ?? Math.random));
  await writePrivately(ctx, (tx) => recordFailure(tx, source.url, { error: outcome.error, failingSince, failures, nextPollAt }, now));
  ctx.log.info({ source: source.url, failures, reason: outcome.error }, 'a third-party source could not be read');
  if (failures >= (settings.failuresBeforeUnknown ?? 3))
    await mirrorThirdPartyStatuses(ctx, source.url, { readable: false, since: failingSince });
  return true;
}

/**
 * The recurring job: every source whose poll is due is requested once (conditionally, with the
 * validators of its last answer) and its components brought to what it says. Several instances may
 * run it at once; each due poll is taken by one of them. Returns how many sources were polled.
 */
export async function pollDueSources(ctx: Ctx, settings: PollSettings): Promise<number> {
  const now = ctx.clock.now();
  const due = (await syncSources(ctx, now)).filter((s) => s.nextPollAt.getTime() <= now.getTime());
  let polled = 0;
  const queue = [...due];
  const worker = async () => {
    for (let source = queue.shift(); source !== undefined; source = queue.shift()) {
      try {
        if (await pollSource(ctx, source, settings)) polled++;
      } catch (error) {
        ctx.log.warn({ err: error, source: source.url }, 'polling a third-party source failed');
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(settings.concurrency ?? 8, due.length) }, worker));
  return polled;
}
