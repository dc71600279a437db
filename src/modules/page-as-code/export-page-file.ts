import { Document, isScalar, visit } from 'yaml';
import type { Ctx } from '../../shared/context.ts';
import { AppError } from '../../shared/errors.ts';
import { pageFileVersion } from './page-file-schema.ts';
import { defaultSeverityStatuses } from '../alerts/index.ts';
import { maskedSettings, type MonitorEntry, type ReceiverEntry } from './automation-entries.ts';
import { sortedKeys } from './setting-keys.ts';
import {
  isGroupEntry,
  readPageState,
  type ComponentEntry,
  type GroupEntry,
  type IncidentEntry,
  type MaintenanceEntry,
  type PageState,
  type UpdateEntry,
} from './page-state.ts';

/**
 * The page as a page file: the same bytes for the same data, ids included so a later apply matches
 * objects, fields at their default left out, times in UTC with milliseconds.
 */
export async function exportPageFile(ctx: Pick<Ctx, 'db'>): Promise<string> {
  const state = await readPageState(ctx.db);
  if (state.page === null) throw new AppError('page_not_found', 'There is no page to export yet; start Aviso or apply a page file first.');
  const doc = new Document(toFile(state));
  doc.commentBefore = ' Aviso page file: apply it with `npx aviso apply FILE` (format: docs/page-as-code.md).';
  // Lists of plain values (locales, component ids) read best on one line.
  visit(doc, {
    Seq(_, node) {
      if (node.items.every(isScalar)) node.flow = true;
    },
  });
  return doc.toString({ lineWidth: 0, blockQuote: 'literal', flowCollectionPadding: false });
}

/** Adds `key: value` only when the value is not the field's default. */
function put(target: Record<string, unknown>, key: string, value: unknown, fallback: unknown): void {
  if (JSON.stringify(value) !== JSON.stringify(fallback)) target[key] = value;
}

function toFile(state: PageState): Record<string, unknown> {
  const p = state.page!;
  const page: Record<string, unknown> = {
    id: p.id,
    name: p.name,
    url: p.url,
    time_zone: p.time_zone,
    default_locale: p.default_locale,
    locales: p.locales,
  };
  put(page, 'settings', p.settings, {});
  const file: Record<string, unknown> = { version: pageFileVersion, page };
  put(file, 'components', state.components.map(component), []);
  put(file, 'incidents', state.incidents.map(incident), []);
  put(file, 'maintenances', state.maintenances.map(maintenance), []);
  put(file, 'monitors', state.monitors.map(monitor), []);
  put(file, 'alert_receivers', state.alert_receivers.map(receiver), []);
  return file;
}

function monitor(m: MonitorEntry): Record<string, unknown> {
  const out: Record<string, unknown> = { id: m.id, name: m.name, kind: m.kind };
  put(out, 'component', m.component, null);
  const defaults: Record<string, unknown> = {
    interval_seconds: 60,
    timeout_ms: 10_000,
    retries: 0,
    failure_threshold: 2,
    recovery_threshold: 2,
    failing_status: 'major_outage',
    degraded_status: 'degraded_performance',
    allow_private: false,
    paused: false,
    auto_incident: false,
    incident_template: null,
    public_chart: false,
  };
  for (const [key, fallback] of Object.entries(defaults)) put(out, key, m[key as keyof MonitorEntry], fallback);
  put(out, 'settings', sortedKeys(maskedSettings(m.settings)), {});
  put(out, 'push_token_sha256', m.push_token_sha256, null);
  return out;
}

function receiver(r: ReceiverEntry): Record<string, unknown> {
  const rules = r.rules.map((rule) => {
    const out: Record<string, unknown> = { matchers: rule.matchers, component: rule.component };
    put(out, 'severity_label', rule.severity_label, 'severity');
    put(out, 'severities', rule.severities, defaultSeverityStatuses);
    put(out, 'default_status', rule.default_status, 'partial_outage');
    put(out, 'auto_incident', rule.auto_incident, false);
    put(out, 'incident_template', rule.incident_template, null);
    return out;
  });
  const out: Record<string, unknown> = { id: r.id, name: r.name, token_sha256: r.token_sha256 };
  put(out, 'rules', rules, []);
  return out;
}

function component(c: ComponentEntry | GroupEntry): Record<string, unknown> {
  const out: Record<string, unknown> = { id: c.id, name: c.name };
  put(out, 'description', c.description, null);
  out['created_at'] = c.created_at;
  put(out, 'translations', c.translations, {});
  if (isGroupEntry(c)) {
    put(out, 'showcase', c.showcase, true);
    out['components'] = c.components.map(component);
    return out;
  }
  put(out, 'start_date', c.start_date, null);
  put(out, 'showcase', c.showcase, true);
  put(out, 'only_show_if_degraded', c.only_show_if_degraded, false);
  put(out, 'third_party', c.third_party, null);
  put(
    out,
    'outages',
    c.outages.map((o) => (o.to === null ? { status: o.status, from: o.from } : { ...o })),
    [],
  );
  return out;
}

function update(u: UpdateEntry): Record<string, unknown> {
  const out: Record<string, unknown> = { id: u.id, status: u.status, display_at: u.display_at, created_at: u.created_at };
  put(out, 'deliver_notifications', u.deliver_notifications, true);
  const affected = u.affected_components.map((a) => {
    const entry: Record<string, unknown> = { component: a.component, name: a.name, old_status: a.old_status, new_status: a.new_status };
    put(entry, 'removed', a.removed, false);
    return entry;
  });
  put(out, 'affected_components', affected, []);
  out['body'] = u.body;
  // The status's standard sentence is what an empty body means; only Aviso's other words are written out.
  const generated = u.generated_body;
  if (generated !== null && (generated.key !== u.status || generated.params !== undefined)) out['generated_body'] = generated;
  return out;
}

function incident(e: IncidentEntry): Record<string, unknown> {
  const out: Record<string, unknown> = { id: e.id, name: e.name, started_at: e.started_at, created_at: e.created_at };
  put(out, 'impact_override', e.impact_override, null);
  put(out, 'backfilled', e.backfilled, false);
  put(out, 'components', e.components, []);
  put(out, 'metadata', e.metadata, {});
  put(out, 'translations', e.translations, {});
  if (e.postmortem !== null) {
    const pm: Record<string, unknown> = {};
    put(pm, 'published_at', e.postmortem.published_at, null);
    put(pm, 'notified_subscribers', e.postmortem.notified_subscribers, false);
    put(pm, 'body', e.postmortem.body, null);
    if (e.postmortem.draft !== e.postmortem.body) pm['draft'] = e.postmortem.draft;
    out['postmortem'] = pm;
  }
  out['updates'] = e.updates.map(update);
  return out;
}

function maintenance(e: MaintenanceEntry): Record<string, unknown> {
  const out: Record<string, unknown> = {
    id: e.id,
    name: e.name,
    scheduled_for: e.scheduled_for,
    scheduled_until: e.scheduled_until,
    created_at: e.created_at,
  };
  put(out, 'components', e.components, []);
  put(out, 'remind_prior', e.remind_prior, 60);
  put(out, 'reminded_at', e.reminded_at, null);
  for (const key of [
    'auto_in_progress',
    'auto_completed',
    'auto_transition_to_maintenance_state',
    'auto_transition_to_operational_state',
    'auto_transition_deliver_notifications_at_start',
    'auto_transition_deliver_notifications_at_end',
  ] as const) {
    put(out, key, e[key], true);
  }
  put(out, 'metadata', e.metadata, {});
  put(out, 'translations', e.translations, {});
  out['updates'] = e.updates.map(update);
  return out;
}
