import { createReceiver, deleteReceiver, setReceiverTokenHash, updateReceiver } from '../alerts/index.ts';
import { createMonitor, deleteMonitor, setPushTokenHash, updateMonitor, type CreateMonitorInput } from '../monitors/index.ts';
import { camelSettings, type MonitorEntry } from './automation-entries.ts';
import type { Step } from './plan-components.ts';
import type { PageState } from './page-state.ts';
import { ruleFromEntry } from './resolve-automation.ts';
import { sortedKeys } from './setting-keys.ts';

const changed = (a: object, b: object, skip: string[]) =>
  Object.keys(a).filter(
    (k) =>
      !skip.includes(k) &&
      JSON.stringify(sortedKeys((a as Record<string, unknown>)[k])) !== JSON.stringify(sortedKeys((b as Record<string, unknown>)[k])),
  );

function monitorInput(m: MonitorEntry): Omit<CreateMonitorInput, 'kind'> {
  return {
    name: m.name,
    componentId: m.component,
    intervalSeconds: m.interval_seconds,
    timeoutMs: m.timeout_ms,
    retries: m.retries,
    failureThreshold: m.failure_threshold,
    recoveryThreshold: m.recovery_threshold,
    failingStatus: m.failing_status as CreateMonitorInput['failingStatus'] & string,
    degradedStatus: m.degraded_status as CreateMonitorInput['degradedStatus'] & string,
    allowPrivate: m.allow_private,
    paused: m.paused,
    autoIncident: m.auto_incident,
    incidentTemplateId: m.incident_template,
    publicChart: m.public_chart,
    settings: camelSettings(m.settings),
  };
}

/**
 * Monitors and receivers to add, change and remove, through their modules' verbs (each keeps its
 * audit entry and its rules: a paused monitor withdraws its signal, a removed receiver's alerts
 * clear). Whoever applies a file is the operator, so its monitors may reach private addresses.
 * Removals come before the components change (a removed component's monitor goes first),
 * additions and changes after (a new monitor's component exists by then).
 */
export function planAutomation(current: PageState, next: PageState): { removals: Step[]; upserts: Step[] } {
  const removals: Step[] = [];
  const upserts: Step[] = [];
  for (const old of current.monitors) {
    if (next.monitors.some((m) => m.id === old.id)) continue;
    removals.push({ summary: `remove monitor "${old.name}" (${old.id})`, run: (_tx, _now, ctx) => deleteMonitor(ctx, old.id) });
  }
  for (const old of current.alert_receivers) {
    if (next.alert_receivers.some((r) => r.id === old.id)) continue;
    removals.push({
      summary: `remove alert receiver "${old.name}" (${old.id}); its URL stops working and its alerts clear`,
      run: (_tx, _now, ctx) => deleteReceiver(ctx, old.id),
    });
  }
  for (const m of next.monitors) {
    const old = current.monitors.find((s) => s.id === m.id);
    if (old === undefined) {
      const fresh = m.kind === 'heartbeat' && m.push_token_sha256 === null;
      upserts.push({
        summary: `add monitor "${m.name}" (${m.id})${fresh ? ': a new heartbeat URL, shown when you choose "New URL" on the admin Monitors screen' : ''}`,
        run: async (_tx, _now, ctx) => {
          await createMonitor(
            ctx,
            { ...monitorInput(m), kind: m.kind },
            { mayAllowPrivate: true, id: m.id, pushTokenHash: m.push_token_sha256 },
          );
        },
      });
      continue;
    }
    const fields = changed(m, old, ['id', 'push_token_sha256']);
    const token = m.push_token_sha256 !== null && m.push_token_sha256 !== old.push_token_sha256;
    if (fields.length === 0 && !token) continue;
    upserts.push({
      summary: `change monitor "${m.name}": ${[...fields, ...(token ? ['push token'] : [])].join(', ')}`,
      run: async (tx, _now, ctx) => {
        if (fields.length > 0) {
          const { settings, ...rest } = monitorInput(m);
          await updateMonitor(ctx, m.id, { ...rest, ...(fields.includes('settings') && { settings }) }, { mayAllowPrivate: true });
        }
        if (token) await setPushTokenHash(tx, m.id, m.push_token_sha256!);
      },
    });
  }
  for (const r of next.alert_receivers) {
    const old = current.alert_receivers.find((s) => s.id === r.id);
    const rules = () => r.rules.map(ruleFromEntry);
    if (old === undefined) {
      upserts.push({
        summary: `add alert receiver "${r.name}" (${r.id})${r.token_sha256 === '' ? ': a new URL, shown when you choose "New URL" on the admin Alert receivers screen' : ''}`,
        run: async (_tx, _now, ctx) => {
          await createReceiver(
            ctx,
            { name: r.name, rules: rules() },
            { id: r.id, tokenHash: r.token_sha256 === '' ? null : r.token_sha256 },
          );
        },
      });
      continue;
    }
    const fields = changed(r, old, ['id', 'token_sha256']);
    const token = r.token_sha256 !== old.token_sha256;
    if (fields.length === 0 && !token) continue;
    upserts.push({
      summary: `change alert receiver "${r.name}": ${[...fields, ...(token ? ['token (the old URL stops working)'] : [])].join(', ')}`,
      run: async (tx, _now, ctx) => {
        if (fields.length > 0) await updateReceiver(ctx, r.id, { name: r.name, rules: rules() });
        if (token) await setReceiverTokenHash(tx, r.id, r.token_sha256);
      },
    });
  }
  return { removals, upserts };
}
