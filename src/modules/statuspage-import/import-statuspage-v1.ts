import { setTimeout as delay } from 'node:timers/promises';
import type { Outbound } from '../../outbound/index.ts';
import type { Ctx } from '../../shared/context.ts';
import { AppError } from '../../shared/errors.ts';
import { write, writePrivately } from '../../storage/write.ts';
import { applyPageFile } from '../page-as-code/index.ts';
import { importSubscribersCsv } from '../subscribers/index.ts';
import { createTemplate, listTemplates } from '../templates/index.ts';
import { fetchJson, importedPageFile, type ImportResult, type SourceMessages } from './import-statuspage.ts';
import { statuspageToPageFile } from './statuspage-page-file.ts';

type Json = Record<string, unknown>;
const isRecord = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const list = (v: unknown): Json[] => (Array.isArray(v) ? v.filter(isRecord) : []);
const str = (v: unknown): string | null => (typeof v === 'string' && v !== '' ? v : null);

export const defaultManageApiUrl = 'https://api.statuspage.io/v1';
const perPage = 100;
/**
 * Statuspage allows each key 60 requests over a rolling minute: the first requests go at once, and
 * past this many the import waits a second between requests so a large page is read without a 420/429.
 */
const burst = 50;
/** 100 pages of 100: far beyond any page we know of, and a stop for a source that never ends a list. */
const maxPages = 100;

export interface ManageApiSource {
  apiKey: string;
  pageId: string;
  /** The Manage API's root, `https://api.statuspage.io/v1` unless another (e.g. an Aviso's `/v1`). */
  apiUrl?: string | undefined;
}

/** What the Manage API v1 gives for one page, read in full before anything is written. */
export interface ManageApiDocuments {
  page: Json;
  components: Json[];
  groups: Json[];
  incidents: Json[];
  templates: Json[];
  subscribers: Json[];
  unconfirmedSubscribers: number;
}

/** Reads every list of the page, page by page, one request at a time, paced past the first `burst` requests. */
export async function readManageApi(
  outbound: Outbound,
  source: ManageApiSource,
  pace: { timeoutMs?: number; burst?: number; pauseMs?: number } = {},
): Promise<ManageApiDocuments> {
  const timeoutMs = pace.timeoutMs ?? 15_000;
  const root = `${(source.apiUrl ?? defaultManageApiUrl).replace(/\/+$/, '')}/pages/${encodeURIComponent(source.pageId)}`;
  const messages: SourceMessages = {
    headers: { authorization: `OAuth ${source.apiKey}` },
    unauthorized: 'the API key was refused (is it a key of this page, and not revoked?)',
    notFound: `no page ${source.pageId} there; check --page-id and --api-url.`,
  };
  let sent = 0;
  const one = async (path: string) => {
    if (++sent > (pace.burst ?? burst)) await delay(pace.pauseMs ?? 1000);
    return fetchJson(outbound, `${root}${path}`, timeoutMs, messages);
  };
  const all = async (path: string): Promise<Json[]> => {
    const items: Json[] = [];
    const join = path.includes('?') ? '&' : '?';
    for (let page = 1; page <= maxPages; page++) {
      // Statuspage names the page size `per_page` on some lists and `limit` on others.
      const answer = await one(`${path}${join}page=${page}&per_page=${perPage}&limit=${perPage}`);
      if (!Array.isArray(answer)) throw new AppError('import_source_failed', `${root}${path} did not answer with a list.`);
      items.push(...list(answer));
      if (answer.length < perPage) break;
    }
    return items;
  };
  const page = await one('');
  const components = await all('/components');
  const groups = await all('/component-groups');
  const incidents = await all('/incidents');
  const templates = await all('/incident_templates');
  const subscribers = await all('/subscribers?state=active');
  const unconfirmed = await all('/subscribers?state=unconfirmed');
  return {
    page: isRecord(page) ? page : {},
    components,
    groups,
    incidents,
    templates,
    subscribers,
    unconfirmedSubscribers: unconfirmed.length,
  };
}

/** The Manage API's components and groups as the public summary lists them (groups with `group: true`). */
function summaryComponents(docs: ManageApiDocuments): Json[] {
  const byId = new Map<string, Json>();
  for (const c of docs.components) if (typeof c['id'] === 'string') byId.set(c['id'], { ...c });
  for (const g of docs.groups) {
    if (typeof g['id'] !== 'string') continue;
    const members = (Array.isArray(g['components']) ? g['components'] : []).filter((id): id is string => typeof id === 'string');
    byId.set(g['id'], { ...byId.get(g['id']), ...g, group: true, group_id: null, components: members });
    for (const id of members) {
      const member = byId.get(id);
      if (member !== undefined) member['group_id'] = g['id'];
    }
  }
  return [...byId.values()];
}

const csvCell = (value: string) => (/[",\n\r]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value);

/**
 * `aviso import statuspage --api-key KEY --page-id ID`: a page read through Statuspage's Manage
 * API v1 (or any API of its shape, such as another Aviso's `/v1`): components, groups, every
 * incident and maintenance with its updates and postmortem, incident templates, and the confirmed
 * subscribers. Components and events keep the source's ids; templates are matched by name and
 * subscribers by address, so importing again adds nothing. Everything is applied in one
 * transaction. Subscribers come in as confirmed, as the source holds them: no email is sent.
 */
export async function importStatuspageManageApi(
  ctx: Ctx,
  outbound: Outbound,
  source: ManageApiSource,
  options: { dryRun?: boolean; merge?: boolean } = {},
): Promise<ImportResult> {
  const docs = await readManageApi(outbound, source);
  const incidents = docs.incidents.filter((i) => i['scheduled_for'] === null || i['scheduled_for'] === undefined);
  const maintenances = docs.incidents.filter((i) => !incidents.includes(i));
  const { file, notes } = statuspageToPageFile(
    {
      summary: { page: docs.page, components: summaryComponents(docs) },
      incidents: { incidents },
      maintenances: { scheduled_maintenances: maintenances },
    },
    ctx.clock.now(),
  );
  const label = `page ${source.pageId} at ${source.apiUrl ?? defaultManageApiUrl}`;
  const yaml = await importedPageFile(ctx, file, label, options);
  const known = new Set<string>();
  const collect = (items: unknown) => {
    for (const item of list(items)) {
      if (typeof item['id'] === 'string') known.add(item['id']);
      collect(item['components']);
    }
  };
  collect(file['components']);

  const existing = new Set((await listTemplates(ctx)).map((t) => t.name));
  const templates = docs.templates.filter((t) => {
    const name = str(t['name']);
    if (name === null || str(t['title']) === null) {
      notes.push(`a template without a name or title was left out`);
      return false;
    }
    return !existing.has(name);
  });

  const rows: string[] = [];
  for (const s of docs.subscribers) {
    const mode = str(s['mode']) ?? (str(s['endpoint']) === null ? 'email' : 'webhook');
    const address = mode === 'email' ? str(s['email']) : mode === 'webhook' ? str(s['endpoint']) : null;
    if (address === null || (s['quarantined_at'] !== null && s['quarantined_at'] !== undefined)) {
      notes.push(`a ${mode} subscriber was left out (Aviso imports confirmed email and webhook subscribers that are not quarantined)`);
      continue;
    }
    const scope = list(s['components']).flatMap((c) => (typeof c['id'] === 'string' ? [c['id']] : []));
    const ids = [...scope, ...(Array.isArray(s['components']) ? s['components'].filter((c) => typeof c === 'string') : [])];
    rows.push([mode, address, ids.filter((id) => known.has(id)).join(' ')].map(csvCell).join(','));
  }
  if (docs.unconfirmedSubscribers > 0)
    notes.push(`${docs.unconfirmedSubscribers} subscriber(s) who never confirmed were left out; Aviso does not ask them again`);
  notes.push('component uptime figures were not carried over: Aviso computes uptime from the imported status history');

  const extra = [
    ...(templates.length === 0 ? [] : [`add ${templates.length} incident template(s)`]),
    ...(rows.length === 0 ? [] : [`add the ${rows.length} confirmed subscriber(s) not already subscribed, with no email sent`]),
  ];
  const planned = await applyPageFile(ctx, yaml, { dryRun: true });
  if (options.dryRun === true) return { yaml, changes: [...planned.changes, ...extra], applied: false, notes };
  // One transaction: the page, the templates and the subscribers commit together or not at all.
  // When the page itself does not change, visitors see nothing new: the revision stays.
  const transaction = planned.changes.length === 0 ? writePrivately : write;
  const changes = await transaction(ctx, async (tx) => {
    const inside = { ...ctx, db: tx };
    const applied = await applyPageFile(inside, yaml);
    for (const t of templates)
      await createTemplate(inside, {
        name: str(t['name'])!,
        title: str(t['title'])!,
        body: typeof t['body'] === 'string' ? t['body'] : '',
        ...(typeof t['update_status'] === 'string' && { updateStatus: t['update_status'] as 'investigating' }),
        componentIds: list(t['components'])
          .flatMap((c) => (typeof c['id'] === 'string' ? [c['id']] : []))
          .filter((id) => known.has(id)),
        shouldSendNotifications: t['should_send_notifications'] !== false,
        shouldTweet: t['should_tweet'] === true,
        groupId: str(t['group_id']),
      });
    const added =
      rows.length === 0 ? 0 : (await importSubscribersCsv(inside, ['channel,address,component_ids', ...rows].join('\n'), outbound)).added;
    return [
      ...applied.changes,
      ...(templates.length === 0 ? [] : [`added ${templates.length} incident template(s)`]),
      ...(added === 0 ? [] : [`added ${added} confirmed subscriber(s), with no email sent`]),
    ];
  });
  return { yaml, changes, applied: changes.length > 0, notes };
}
