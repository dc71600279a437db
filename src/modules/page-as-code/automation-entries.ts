import type { Db } from '../../storage/database.ts';
import { listReceivers, listReceiverTokenHashes, type Rule } from '../alerts/index.ts';
import type { ComponentStatus } from '../components/index.ts';
import { listMonitorRows, listPushTokenHashes, type MonitorKind } from '../monitors/index.ts';
import { listTemplates } from '../templates/index.ts';

/**
 * Monitors and alert receivers in the page file's shape. Their secrets never appear in clear: a
 * heartbeat's push token and a receiver's token are written as their SHA-256 (what Aviso stores;
 * it cannot be turned back into the URL), and HTTP header values that carry credentials as
 * `(kept)`, which applying reads as "the value stored now".
 */
export interface MonitorEntry {
  id: string;
  name: string;
  kind: MonitorKind;
  /** A component id, or null for a monitor that only records results. */
  component: string | null;
  interval_seconds: number;
  timeout_ms: number;
  retries: number;
  failure_threshold: number;
  recovery_threshold: number;
  failing_status: ComponentStatus;
  degraded_status: ComponentStatus;
  allow_private: boolean;
  paused: boolean;
  auto_incident: boolean;
  incident_template: string | null;
  /** Its response times are drawn under its component on the public page. */
  public_chart: boolean;
  /** The kind's settings, snake_case, every field present. */
  settings: Record<string, unknown>;
  push_token_sha256: string | null;
}

export interface RuleEntry {
  matchers: string[];
  component: string;
  severity_label: string;
  severities: Record<string, ComponentStatus>;
  default_status: ComponentStatus;
  auto_incident: boolean;
  incident_template: string | null;
}

export interface ReceiverEntry {
  id: string;
  name: string;
  token_sha256: string;
  rules: RuleEntry[];
}

export interface AutomationState {
  monitors: MonitorEntry[];
  alert_receivers: ReceiverEntry[];
  /** Templates are not part of the file (they are the team's tools); automatic incidents name them by id. */
  templateIds: string[];
}

/** The value that stands for a stored secret header value. */
export const keptValue = '(kept)';
const credentialHeader = /^(authorization|proxy-authorization|cookie)$|token|secret|key|pass|auth|session/i;
export const isCredentialHeader = (name: string) => credentialHeader.test(name);

const snake = (key: string) => key.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
const camel = (key: string) => key.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());
/** Settings keys are renamed one level deep only: header names inside stay as written. */
export const snakeSettings = (s: Record<string, unknown>) => Object.fromEntries(Object.entries(s).map(([k, v]) => [snake(k), v]));
export const camelSettings = (s: Record<string, unknown>) => Object.fromEntries(Object.entries(s).map(([k, v]) => [camel(k), v]));

/** The settings as a file shows them: credential header values masked. */
export function maskedSettings(settings: Record<string, unknown>): Record<string, unknown> {
  const headers = settings['headers'];
  if (headers === null || typeof headers !== 'object') return settings;
  const masked = Object.fromEntries(
    Object.entries(headers as Record<string, string>).map(([name, value]) => [name, isCredentialHeader(name) ? keptValue : value]),
  );
  return { ...settings, headers: masked };
}

export function ruleEntry(rule: Rule): RuleEntry {
  return {
    matchers: rule.matchers,
    component: rule.componentId,
    severity_label: rule.severityLabel,
    severities: rule.severities,
    default_status: rule.defaultStatus,
    auto_incident: rule.autoIncident,
    incident_template: rule.incidentTemplateId ?? null,
  };
}

export async function readAutomation(db: Db): Promise<AutomationState> {
  const ctx = { db };
  const [monitors, pushHashes, receivers, receiverHashes, templates] = await Promise.all([
    listMonitorRows(db),
    listPushTokenHashes(db),
    listReceivers(ctx),
    listReceiverTokenHashes(db),
    listTemplates(ctx),
  ]);
  return {
    monitors: monitors.map((m) => ({
      id: m.id,
      name: m.name,
      kind: m.kind,
      component: m.componentId,
      interval_seconds: m.intervalSeconds,
      timeout_ms: m.timeoutMs,
      retries: m.retries,
      failure_threshold: m.failureThreshold,
      recovery_threshold: m.recoveryThreshold,
      failing_status: m.failingStatus,
      degraded_status: m.degradedStatus,
      allow_private: m.allowPrivate,
      paused: m.paused,
      auto_incident: m.autoIncident,
      incident_template: m.incidentTemplateId,
      public_chart: m.publicChart,
      settings: snakeSettings(m.settings as Record<string, unknown>),
      push_token_sha256: pushHashes.get(m.id) ?? null,
    })),
    alert_receivers: receivers.map((r) => ({
      id: r.id,
      name: r.name,
      token_sha256: receiverHashes.get(r.id)!,
      rules: r.rules.map(ruleEntry),
    })),
    templateIds: templates.map((t) => t.id),
  };
}
