import { newId } from '../../shared/ids.ts';
import { parseMatcher, ruleSchema } from '../alerts/index.ts';
import { checkTiming, settingsSchemas } from '../monitors/index.ts';
import {
  camelSettings,
  keptValue,
  snakeSettings,
  type AutomationState,
  type MonitorEntry,
  type ReceiverEntry,
  type RuleEntry,
} from './automation-entries.ts';
import type { FilePath, FileProblems } from './page-file-problems.ts';
import type { MonitorInput, ReceiverInput } from './page-file-schema.ts';
import type { ComponentEntry } from './page-state.ts';

/** How the file's component references are resolved (the same rules as incidents'): an id, or a name. */
export type ReferComponent = (ref: string, path: FilePath) => ComponentEntry | undefined;

/**
 * The file's monitors and receivers with their ids (written, else the stored one of the same name,
 * else new), settings checked against their kind, `(kept)` header values and left-out token hashes
 * taken from what is stored, and every reference checked.
 */
export function resolveAutomation(
  input: { monitors: MonitorInput[]; alert_receivers: ReceiverInput[] },
  current: AutomationState,
  refer: ReferComponent,
  problems: FileProblems,
): { monitors: MonitorEntry[]; alert_receivers: ReceiverEntry[] } {
  const template = (ref: string | null, path: FilePath) => {
    if (ref !== null && !current.templateIds.includes(ref))
      problems.add(path, `no incident template has the id ${ref} in this database (templates are not part of the page file)`);
    return ref;
  };
  const writer = (ref: string, path: FilePath, who: string) => {
    const leaf = refer(ref, path);
    if (leaf !== undefined && leaf.third_party !== null)
      problems.add(
        path,
        `"${leaf.name}" follows a third-party status page, which already sets its status, so ${who} cannot move it too; one component has one writer`,
      );
    return leaf?.id;
  };
  const unique = <T extends { id?: string | undefined; name: string }>(
    items: T[],
    stored: { id: string; name: string }[],
    what: string,
  ) => {
    const written = new Set(items.map((i) => i.id).filter((x) => x !== undefined));
    const seen = new Map<string, number>();
    return items.map((item, i) => {
      const id = item.id ?? stored.find((s) => !written.has(s.id) && s.name === item.name)?.id ?? newId();
      written.add(id);
      const before = seen.get(id);
      if (before !== undefined) problems.add([what, i, 'id'], `the id ${id} is also used by ${what}[${before}]`);
      seen.set(id, i);
      return id;
    });
  };

  const monitorIds = unique(input.monitors, current.monitors, 'monitors');
  const monitors = input.monitors.map((m, i): MonitorEntry => {
    const path: FilePath = ['monitors', i];
    const id = monitorIds[i]!;
    const stored = current.monitors.find((s) => s.id === id);
    if (stored !== undefined && stored.kind !== m.kind)
      problems.add(
        [...path, 'kind'],
        `${id} is a ${stored.kind} monitor in the database; a monitor's kind cannot change (remove its id to add a new one)`,
      );
    // `(kept)` header values are the stored ones.
    const settings = { ...m.settings };
    const headers = settings['headers'];
    if (headers !== null && typeof headers === 'object' && !Array.isArray(headers)) {
      const storedHeaders = (stored?.settings['headers'] ?? {}) as Record<string, string>;
      settings['headers'] = Object.fromEntries(
        Object.entries(headers as Record<string, unknown>).map(([name, value]) => {
          if (value !== keptValue) return [name, value];
          if (storedHeaders[name] === undefined)
            problems.add([...path, 'settings', 'headers', name], `there is no stored value to keep: write the header's value`);
          return [name, storedHeaders[name] ?? ''];
        }),
      );
    }
    const parsed = settingsSchemas[m.kind].safeParse(camelSettings(settings));
    if (!parsed.success)
      for (const issue of parsed.error.issues)
        problems.add(
          [
            ...path,
            'settings',
            ...issue.path.map((p, k) => (k === 0 ? String(p).replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`) : String(p))),
          ],
          issue.code === 'unrecognized_keys' ? `is not a setting of a ${m.kind} monitor: ${issue.keys.join(', ')}` : issue.message,
        );
    try {
      checkTiming({ intervalSeconds: m.interval_seconds, timeoutMs: m.timeout_ms, retries: m.retries });
    } catch {
      problems.add([...path, 'timeout_ms'], 'the timeout times the attempts (retries + 1) must be shorter than the interval');
    }
    if (m.public_chart && m.kind === 'heartbeat')
      problems.add([...path, 'public_chart'], 'a heartbeat has no response time to show; only checks Aviso makes have one');
    if (m.push_token_sha256 !== undefined && m.kind !== 'heartbeat')
      problems.add([...path, 'push_token_sha256'], 'only a heartbeat has a push token');
    const component = m.component === null ? null : (writer(m.component, [...path, 'component'], `the monitor "${m.name}"`) ?? null);
    return {
      id,
      name: m.name,
      kind: m.kind,
      component,
      interval_seconds: m.interval_seconds,
      timeout_ms: m.timeout_ms,
      retries: m.retries,
      failure_threshold: m.failure_threshold,
      recovery_threshold: m.recovery_threshold,
      failing_status: m.failing_status,
      degraded_status: m.degraded_status,
      allow_private: m.allow_private,
      paused: m.paused,
      auto_incident: m.auto_incident,
      incident_template: template(m.incident_template, [...path, 'incident_template']),
      public_chart: m.public_chart,
      settings: parsed.success ? snakeSettings(parsed.data) : settings,
      push_token_sha256: m.kind !== 'heartbeat' ? null : (m.push_token_sha256 ?? stored?.push_token_sha256 ?? null),
    };
  });

  const receiverIds = unique(input.alert_receivers, current.alert_receivers, 'alert_receivers');
  const receivers = input.alert_receivers.map((r, i): ReceiverEntry => {
    const path: FilePath = ['alert_receivers', i];
    const id = receiverIds[i]!;
    const stored = current.alert_receivers.find((s) => s.id === id);
    const rules = r.rules.flatMap((rule, k): RuleEntry[] => {
      const rpath: FilePath = [...path, 'rules', k];
      rule.matchers.forEach((text, m) => {
        const parsed = parseMatcher(text);
        if (typeof parsed === 'string') problems.add([...rpath, 'matchers', m], parsed);
      });
      const component = writer(rule.component, [...rpath, 'component'], `a rule of the alert receiver "${r.name}"`);
      const entry: RuleEntry = {
        matchers: rule.matchers,
        component: component ?? rule.component,
        severity_label: rule.severity_label,
        severities: rule.severities,
        default_status: rule.default_status,
        auto_incident: rule.auto_incident,
        incident_template: template(rule.incident_template, [...rpath, 'incident_template']),
      };
      return component === undefined ? [] : [entry];
    });
    // New receivers get their token when they are created; '' stands for "not decided yet".
    return { id, name: r.name, token_sha256: r.token_sha256 ?? stored?.token_sha256 ?? '', rules };
  });
  return { monitors, alert_receivers: receivers };
}

/** The rule as the alerts module stores it. */
export function ruleFromEntry(rule: RuleEntry) {
  return ruleSchema.parse({
    matchers: rule.matchers,
    componentId: rule.component,
    severityLabel: rule.severity_label,
    severities: rule.severities,
    defaultStatus: rule.default_status,
    autoIncident: rule.auto_incident,
    incidentTemplateId: rule.incident_template,
  });
}
