import { parse, stringify } from 'yaml';
import type { Outbound } from '../../outbound/index.ts';
import type { Ctx } from '../../shared/context.ts';
import { AppError, isAppError } from '../../shared/errors.ts';
import { applyPageFile, exportPageFile } from '../page-as-code/index.ts';
import { statuspageToPageFile, type StatuspageDocuments } from './statuspage-page-file.ts';

export interface ImportResult {
  /** The page file of the import (after merging, with `merge`): what `--output` writes. */
  yaml: string;
  changes: string[];
  applied: boolean;
  /** What could not be carried over. */
  notes: string[];
}

type Json = Record<string, unknown>;

/** How a source's refusals read: the public API v2 and the Manage API v1 fail for different reasons. */
export interface SourceMessages {
  headers?: Record<string, string>;
  unauthorized: string;
  notFound: string;
}

const publicMessages: SourceMessages = {
  unauthorized: 'the page is private; its public API cannot be read',
  notFound: 'is this a Statuspage page (API v2)?',
};

export async function fetchJson(
  outbound: Outbound,
  url: string,
  timeoutMs: number,
  messages: SourceMessages = publicMessages,
): Promise<unknown> {
  const answer = await outbound.request(url, {
    timeoutMs,
    headers: { accept: 'application/json', ...messages.headers },
    maxRedirects: 3,
    maxBodyBytes: 32 * 1024 * 1024,
  });
  if (!answer.ok) throw new AppError('import_source_failed', `${url} could not be read: ${answer.reason}.`);
  if (answer.status === 401 || answer.status === 403)
    throw new AppError('import_source_failed', `${url} answered ${answer.status}: ${messages.unauthorized}.`);
  if (answer.status === 404) throw new AppError('import_source_failed', `${url} answered 404: ${messages.notFound}`);
  // Statuspage's Manage API answers 420 or 429 over its rate limit.
  if (answer.status === 429 || answer.status === 420) {
    const retry = answer.headers['retry-after'];
    const after = typeof retry === 'string' ? ` in ${retry} seconds` : ' later';
    throw new AppError('import_source_failed', `${url} answered ${answer.status}: the page limits requests; try again${after}.`);
  }
  if (answer.status !== 200) throw new AppError('import_source_failed', `${url} answered ${answer.status}.`);
  try {
    return JSON.parse(answer.body.toString('utf8'));
  } catch {
    throw new AppError('import_source_failed', `${url} did not answer with JSON.`);
  }
}

/** Reads the three public documents; every one must answer before anything is written. */
export async function readStatuspage(outbound: Outbound, pageUrl: string, timeoutMs = 15_000): Promise<StatuspageDocuments> {
  const base = pageUrl.replace(/\/+$/, '');
  const [summary, incidents, maintenances] = await Promise.all([
    fetchJson(outbound, `${base}/api/v2/summary.json`, timeoutMs),
    fetchJson(outbound, `${base}/api/v2/incidents.json`, timeoutMs),
    fetchJson(outbound, `${base}/api/v2/scheduled-maintenances.json`, timeoutMs),
  ]);
  return { summary, incidents, maintenances };
}

const ids = (items: unknown): string[] =>
  (Array.isArray(items) ? items : []).flatMap((item: Json) => [
    ...(typeof item['id'] === 'string' ? [item['id']] : []),
    ...(Array.isArray(item['components']) && item['components'].every((c) => typeof c === 'object') ? ids(item['components']) : []),
  ]);

/** `base`'s items with `extra`'s added; an item of both (same id) takes `extra`'s version. */
function mergeItems(base: unknown, extra: unknown): unknown[] {
  const incoming = Array.isArray(extra) ? (extra as Json[]) : [];
  const byId = new Map(incoming.map((item) => [item['id'], item]));
  const kept = (Array.isArray(base) ? (base as Json[]) : []).map((item) => byId.get(item['id']) ?? item);
  const keptIds = new Set(kept.map((item) => item['id']));
  return [...kept, ...incoming.filter((item) => !keptIds.has(item['id']))];
}

/**
 * `aviso import statuspage URL`: the page's public API v2 read in full first, turned into a page
 * file with the source's ids, and applied in one transaction (page-as-code), so importing again
 * changes nothing and a failure leaves nothing half-imported. A page that has components or events
 * the import does not have is refused unless `merge`, which keeps them and adds the import.
 */
export async function importStatuspage(
  ctx: Ctx,
  outbound: Outbound,
  pageUrl: string,
  options: { dryRun?: boolean; merge?: boolean } = {},
): Promise<ImportResult> {
  const documents = await readStatuspage(outbound, pageUrl);
  const { file, notes } = statuspageToPageFile(documents, ctx.clock.now());
  const yaml = await importedPageFile(ctx, file, pageUrl, options);
  const result = await applyPageFile(ctx, yaml, { dryRun: options.dryRun === true });
  return { yaml, changes: result.changes, applied: result.applied, notes };
}

/**
 * The page file to apply for an import: the import itself, or with `merge` what the page holds
 * already plus the import. A page holding components or events the import does not have is refused
 * without `merge`.
 */
export async function importedPageFile(ctx: Ctx, file: Json, source: string, options: { merge?: boolean }): Promise<string> {
  // A database without a page yet (a fresh install the server has not started on) has nothing to keep.
  const current = await exportPageFile(ctx).then(
    (text): Json => parse(text) as Json,
    (error: unknown): Json => {
      if (isAppError(error) && error.code === 'page_not_found') return {};
      throw error;
    },
  );
  const sections = ['components', 'incidents', 'maintenances'] as const;
  const imported = new Set(sections.flatMap((s) => ids(file[s])));
  const others = sections.flatMap((s) => ids(current[s])).filter((id) => !imported.has(id));
  let wanted: Json = file;
  if (others.length > 0) {
    if (options.merge !== true)
      throw new AppError(
        'conflict',
        `This page already has ${others.length} component(s), incident(s) or maintenance(s) that are not on ${source}; use --merge to keep them and add the import.`,
      );
    wanted = { ...current, ...Object.fromEntries(sections.map((s) => [s, mergeItems(current[s], file[s])])) };
  }
  return stringify(wanted, { lineWidth: 0 });
}
