import { componentStatuses } from '../components/index.ts';
import { impacts, incidentStatuses, maintenanceStatuses } from '../incidents/index.ts';

/** What a public Statuspage API v2 serves: `summary.json`, `incidents.json`, `scheduled-maintenances.json`. */
export interface StatuspageDocuments {
  summary: unknown;
  incidents: unknown;
  maintenances: unknown;
}

type Json = Record<string, unknown>;
const isRecord = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v: unknown): string | null => (typeof v === 'string' && v !== '' ? v : null);
const list = (v: unknown): Json[] => (Array.isArray(v) ? v.filter(isRecord) : []);
const idPattern = /^[0-9a-z]{12}$/;
const oneOf = <T extends string>(values: readonly T[], v: unknown): T | null =>
  (values as readonly unknown[]).includes(v) ? (v as T) : null;
const iso = (v: unknown): string | null => {
  const text = str(v);
  if (text === null) return null;
  const at = new Date(text);
  return Number.isNaN(at.getTime()) ? null : at.toISOString();
};

/**
 * Statuspage's public API v2 as a page file (docs/page-as-code.md): the page, its components and
 * groups in their order with their current status, the incidents and scheduled maintenances it
 * exposes with their updates and affected components. The source's ids are kept, so importing
 * again matches what the first import made. `notes` says what could not be carried over.
 */
export function statuspageToPageFile(docs: StatuspageDocuments, now: Date): { file: Json; notes: string[] } {
  const notes: string[] = [];
  const summary = isRecord(docs.summary) ? docs.summary : {};
  const page = isRecord(summary['page']) ? summary['page'] : {};
  const all = list(summary['components']).filter((c) => typeof c['id'] === 'string' && idPattern.test(c['id']));
  const byPosition = (a: Json, b: Json) => Number(a['position'] ?? 0) - Number(b['position'] ?? 0);
  const known = new Set<string>();

  const component = (c: Json): Json => {
    known.add(c['id'] as string);
    const status = oneOf(componentStatuses, c['status']) ?? 'operational';
    const since = iso(c['updated_at']) ?? now.toISOString();
    return {
      id: c['id'],
      name: str(c['name']) ?? 'Unnamed component',
      description: str(c['description']),
      ...(iso(c['created_at']) === null ? {} : { created_at: iso(c['created_at']) }),
      showcase: c['showcase'] !== false,
      start_date: typeof c['start_date'] === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(c['start_date']) ? c['start_date'] : null,
      only_show_if_degraded: c['only_show_if_degraded'] === true,
      third_party: null,
      outages: status === 'operational' ? [] : [{ status, from: since, to: null }],
    };
  };

  const components: Json[] = [];
  for (const c of all.filter((c) => c['group_id'] === null || c['group_id'] === undefined).sort(byPosition)) {
    if (c['group'] === true) {
      const children = all.filter((k) => k['group_id'] === c['id'] && k['group'] !== true).sort(byPosition);
      if (children.length === 0) {
        notes.push(`group "${String(c['name'])}" has no components and was left out`);
        continue;
      }
      known.add(c['id'] as string);
      components.push({
        id: c['id'],
        name: str(c['name']) ?? 'Unnamed group',
        description: str(c['description']),
        ...(iso(c['created_at']) === null ? {} : { created_at: iso(c['created_at']) }),
        showcase: c['showcase'] !== false,
        components: children.map(component),
      });
    } else components.push(component(c));
  }

  const updates = (event: Json, statuses: readonly string[], label: string): Json[] =>
    list(event['incident_updates'])
      .filter((u) => {
        if (oneOf(statuses, u['status']) !== null && iso(u['display_at'] ?? u['created_at']) !== null) return true;
        notes.push(`${label}: an update with status "${String(u['status'])}" was left out`);
        return false;
      })
      .map((u) => ({
        ...(typeof u['id'] === 'string' && idPattern.test(u['id']) ? { id: u['id'] } : {}),
        status: u['status'],
        body: typeof u['body'] === 'string' ? u['body'] : '',
        display_at: iso(u['display_at'] ?? u['created_at']),
        ...(iso(u['created_at']) === null ? {} : { created_at: iso(u['created_at']) }),
        deliver_notifications: false,
        affected_components: list(u['affected_components']).flatMap((a) => {
          const code = str(a['code']);
          const oldStatus = oneOf(componentStatuses, a['old_status']);
          const newStatus = oneOf(componentStatuses, a['new_status']);
          if (code === null || oldStatus === null || newStatus === null) return [];
          return [
            { component: code, name: str(a['name']) ?? code, old_status: oldStatus, new_status: newStatus, removed: !known.has(code) },
          ];
        }),
      }));

  const componentRefs = (event: Json, label: string): string[] => {
    const ids = list(event['components']).flatMap((c) => (typeof c['id'] === 'string' ? [c['id']] : []));
    const missing = ids.filter((id) => !known.has(id));
    if (missing.length > 0) notes.push(`${label}: ${missing.length} affected component(s) not on the page were left out`);
    return ids.filter((id) => known.has(id));
  };

  const incidents: Json[] = [];
  const incidentsDoc = isRecord(docs.incidents) ? docs.incidents : {};
  for (const i of list(incidentsDoc['incidents'])) {
    const label = `incident "${String(i['name'])}"`;
    if (typeof i['id'] !== 'string' || !idPattern.test(i['id'])) {
      notes.push(`${label} has no id Aviso can keep and was left out`);
      continue;
    }
    if (i['scheduled_for'] !== undefined && i['scheduled_for'] !== null) continue;
    const ups = updates(i, incidentStatuses, label);
    if (ups.length === 0) {
      notes.push(`${label} has no update Aviso can carry and was left out`);
      continue;
    }
    const postmortem = str(i['postmortem_body']);
    incidents.push({
      id: i['id'],
      name: str(i['name']) ?? 'Incident',
      started_at: iso(i['started_at']) ?? iso(i['created_at']) ?? ups[0]!['display_at'],
      ...(iso(i['created_at']) === null ? {} : { created_at: iso(i['created_at']) }),
      impact_override: oneOf(impacts, i['impact']),
      components: componentRefs(i, label),
      postmortem:
        postmortem === null || iso(i['postmortem_published_at']) === null
          ? null
          : { body: postmortem, published_at: iso(i['postmortem_published_at']), notified_subscribers: true },
      updates: ups,
    });
  }

  const maintenances: Json[] = [];
  const maintenancesDoc = isRecord(docs.maintenances) ? docs.maintenances : {};
  for (const m of list(maintenancesDoc['scheduled_maintenances'])) {
    const label = `maintenance "${String(m['name'])}"`;
    const from = iso(m['scheduled_for']);
    const until = iso(m['scheduled_until']);
    if (typeof m['id'] !== 'string' || !idPattern.test(m['id']) || from === null || until === null || until <= from) {
      notes.push(`${label} has no id or window Aviso can keep and was left out`);
      continue;
    }
    const ups = updates(m, maintenanceStatuses, label);
    if (ups.length === 0) {
      notes.push(`${label} has no update Aviso can carry and was left out`);
      continue;
    }
    maintenances.push({
      id: m['id'],
      name: str(m['name']) ?? 'Maintenance',
      scheduled_for: from,
      scheduled_until: until,
      ...(iso(m['created_at']) === null ? {} : { created_at: iso(m['created_at']) }),
      components: componentRefs(m, label),
      updates: ups,
    });
  }

  const file = {
    version: 1,
    page: {
      name: str(page['name']) ?? 'Imported page',
      url: str(page['url']) ?? 'http://localhost',
      time_zone: str(page['time_zone']) ?? 'Etc/UTC',
      default_locale: 'en',
      locales: ['en'],
    },
    components,
    incidents,
    maintenances,
  };
  return { file, notes };
}
