import type { Component } from '../../modules/components/index.ts';
import {
  emptySparkline,
  httpMethods,
  monitorKinds,
  type CheckResult,
  type Monitor,
  type MonitorKind,
  type MonitorView,
  type Sparkline,
} from '../../modules/monitors/index.ts';
import type { IncidentTemplate } from '../../modules/templates/index.ts';
import type { Screen } from '../admin-screen.tsx';
import type { FormState } from '../form-values.ts';
import { Checkbox, CsrfField, Field, FormAlert, Select, TextArea } from '../view/form-fields.tsx';
import { formatTime } from '../view/format.ts';
import { SparklineView } from './sparkline.tsx';

const kindLabels: Record<MonitorKind, string> = {
  http: 'HTTP(S)',
  tcp: 'TCP port',
  dns: 'DNS record',
  tls: 'TLS certificate',
  heartbeat: 'Heartbeat (push)',
};
const jsonComparisonOptions = [
  ['equals', 'equals'],
  ['not_equals', 'does not equal'],
  ['contains', 'contains (a text part, or an item of a list)'],
] as const;
const outageOptions = [
  ['degraded_performance', 'Degraded performance'],
  ['partial_outage', 'Partial outage'],
  ['major_outage', 'Major outage'],
] as const;

function target(m: Monitor): string {
  const s = m.settings as Record<string, unknown>;
  switch (m.kind) {
    case 'http':
      return String(s['url']);
    case 'tcp':
    case 'tls':
      return `${String(s['host'])}:${String(s['port'])}`;
    case 'dns':
      return `${String(s['recordType'])} ${String(s['name'])}`;
    case 'heartbeat':
      return `pinged by a job, grace ${String(s['graceSeconds'])} s`;
  }
}

const stateLabels = { unknown: 'Not checked yet', up: 'Up', degraded: 'Degraded', down: 'Down' } as const;

/** Every monitor with its target, state, last result and 24-hour sparkline, and its actions. */
export function MonitorList({
  s,
  views,
  sparklines,
  components,
  tested,
}: {
  s: Screen;
  views: MonitorView[];
  sparklines: Map<string, Sparkline>;
  components: Component[];
  tested?: { id: string; result: CheckResult };
}) {
  const names = new Map(components.map((c) => [c.id, c.name]));
  return views.length === 0 ? (
    <p>No monitors yet. A monitor checks a service and moves its component when the service fails.</p>
  ) : (
    <ul class="items">
      {views.map(({ monitor: m, status }) => (
        <li key={m.id}>
          <h3 style="margin:0">
            <a href={`/admin/monitors/${m.id}`}>{m.name}</a>{' '}
            <span class="meta">
              ({kindLabels[m.kind]}){m.paused ? ' · paused' : ''}
            </span>
          </h3>
          <p class="meta">
            <code>{target(m)}</code> · every {m.intervalSeconds} s ·{' '}
            {m.componentId === null ? 'no component' : `moves “${names.get(m.componentId) ?? '?'}”`}
          </p>
          <p>
            <strong>{stateLabels[status.state]}</strong>
            {status.lastCheckedAt !== null && (
              <>
                {' '}
                · last check {formatTime(status.lastCheckedAt, s.page.timeZone)}: {status.lastOutcome}
                {status.lastDurationMs !== null && ` in ${status.lastDurationMs} ms`}
                {status.lastReason !== null && ` — ${status.lastReason}`}
              </>
            )}
            {m.kind === 'heartbeat' && ` · last ping ${formatTime(status.lastPingAt, s.page.timeZone)}`}
          </p>
          {m.kind !== 'heartbeat' && (
            <p class="meta">
              <SparklineView sparkline={sparklines.get(m.id) ?? emptySparkline(s.ctx.clock.now())} />
              {m.publicChart && ' · shown on the public page'}
            </p>
          )}
          {m.autoIncident && (
            <p class="meta">
              {views.find((v) => v.monitor.id === m.id)?.incident?.followed === false
                ? 'Automatic incident: someone edited or posted on it, so the monitor no longer changes it. '
                : 'Posts an incident automatically when its component goes down, until someone edits or posts on it. '}
              {status.incidentId !== null && <a href={`/admin/incidents/${status.incidentId}`}>View incident</a>}
            </p>
          )}
          {tested?.id === m.id && (
            <p class="notice" role="status">
              Test now: {tested.result.outcome}
              {tested.result.durationMs !== null && ` in ${tested.result.durationMs} ms`}
              {tested.result.reason !== null && ` — ${tested.result.reason}`}
            </p>
          )}
          {s.can('manage_components') && (
            <div class="actions">
              <form method="post" action={`/admin/monitors/${m.id}/test`} style="display:inline">
                <CsrfField token={s.session.csrfToken} />
                <button type="submit">
                  Test now<span class="sr-only"> {m.name}</span>
                </button>
              </form>{' '}
              <form method="post" action={`/admin/monitors/${m.id}/${m.paused ? 'resume' : 'pause'}`} style="display:inline">
                <CsrfField token={s.session.csrfToken} />
                <button type="submit">
                  {m.paused ? 'Resume' : 'Pause'}
                  <span class="sr-only"> {m.name}</span>
                </button>
              </form>
            </div>
          )}
        </li>
      ))}
    </ul>
  );
}

/** The add and edit form of a monitor: the fields of every kind, or of the monitor's own kind when editing. */
export function MonitorForm({
  s,
  form,
  components,
  templates,
  existing,
}: {
  s: Screen;
  form: FormState;
  components: Component[];
  templates: IncidentTemplate[];
  existing?: Monitor;
}) {
  // A mirrored component already has its writer (the third-party page); the verb would refuse it.
  const leaves = components.filter((c) => !c.isGroup && (c.thirdParty === null || c.id === existing?.componentId));
  const action = existing === undefined ? '/admin/monitors' : `/admin/monitors/${existing.id}`;
  const kind = existing?.kind;
  return (
    <>
      <FormAlert form={form} />
      <form method="post" action={action} class="card" novalidate>
        <CsrfField token={s.session.csrfToken} />
        <Field name="name" label="Name" form={form} required />
        {kind === undefined ? (
          <Select
            name="kind"
            label="Kind"
            form={form}
            initial="http"
            options={monitorKinds.map((k) => [k, kindLabels[k]] as const)}
            hint="The fields below that belong to the kind are used; the others are ignored."
          />
        ) : (
          <p>Kind: {kindLabels[kind]}</p>
        )}
        <Select
          name="componentId"
          label="Component it moves"
          form={form}
          options={[['', 'None (only record results)'], ...leaves.map((c) => [c.id, c.name] as const)]}
        />
        <fieldset>
          <legend>What to check</legend>
          {(kind === undefined || kind === 'http') && (
            <>
              <Field name="url" label="URL (HTTP)" type="url" form={form} />
              <Select name="method" label="Method (HTTP)" form={form} initial="GET" options={httpMethods.map((m) => [m, m] as const)} />
              <Field
                name="expectedStatus"
                label="Expected status (HTTP)"
                form={form}
                initial="200-299"
                hint="Statuses or ranges, separated by commas."
              />
              <Field name="keyword" label="Keyword the answer must contain (HTTP)" form={form} />
              <Field
                name="jsonPath"
                label="JSON path to check in the answer (HTTP)"
                form={form}
                hint="Such as $.status.indicator or $.components[0].status; empty for none."
              />
              <Select name="jsonComparison" label="The value found (HTTP)" form={form} initial="equals" options={jsonComparisonOptions} />
              <Field
                name="jsonExpected"
                label="Expected value (HTTP)"
                form={form}
                hint="Text as it is; a number, true, false or null as written in JSON."
              />
              <Field name="maxResponseMs" label="Slower than this many ms is degraded (HTTP)" type="number" form={form} />
              <TextArea
                name="headers"
                label="Request headers (HTTP)"
                form={form}
                rows={3}
                hint="One per line, as Name: value (an Authorization header, a Host)."
              />
              <TextArea name="requestBody" label="Request body (HTTP)" form={form} rows={3} hint="Sent with POST; empty for none." />
              <Field
                name="maxRedirects"
                label="Redirects to follow (HTTP)"
                type="number"
                form={form}
                initial="5"
                hint="0 checks the first answer itself."
              />
              <Checkbox
                name="acceptInvalidTls"
                label="Accept an invalid or self-signed certificate (HTTPS)"
                form={form}
                hint="Off by default: a certificate that does not verify is a failed check."
              />
            </>
          )}
          {(kind === undefined || kind === 'tcp' || kind === 'tls') && (
            <>
              <Field name="host" label="Host (TCP, TLS)" form={form} />
              <Field name="port" label="Port (TCP, TLS)" type="number" form={form} />
            </>
          )}
          {(kind === undefined || kind === 'tls') && (
            <Field name="warnDays" label="Warn this many days before expiry (TLS)" type="number" form={form} initial="14" />
          )}
          {(kind === undefined || kind === 'dns') && (
            <>
              <Field name="dnsName" label="Name (DNS)" form={form} />
              <Select
                name="recordType"
                label="Record type (DNS)"
                form={form}
                initial="A"
                options={['A', 'AAAA', 'CNAME', 'MX', 'TXT', 'NS', 'SRV', 'CAA'].map((t) => [t, t] as const)}
              />
              <Field name="expected" label="Expected answer (DNS)" form={form} />
              <Field
                name="resolver"
                label="Resolver (DNS)"
                form={form}
                hint="An address such as 1.1.1.1; empty for the configured resolvers."
              />
            </>
          )}
          {(kind === undefined || kind === 'heartbeat') && (
            <Field name="graceSeconds" label="Grace period in seconds (heartbeat)" type="number" form={form} initial="60" />
          )}
        </fieldset>
        <fieldset>
          <legend>When the component changes</legend>
          <Field name="intervalSeconds" label="Check every (seconds)" type="number" form={form} initial="60" />
          <Field name="timeoutSeconds" label="Timeout (seconds)" type="number" form={form} initial="10" />
          <Field name="retries" label="Retries before a failure counts" type="number" form={form} initial="0" />
          <Field name="failureThreshold" label="Failures in a row before the component changes" type="number" form={form} initial="2" />
          <Field name="recoveryThreshold" label="Successes in a row before it recovers" type="number" form={form} initial="2" />
          <Select name="failingStatus" label="Status when failing" form={form} initial="major_outage" options={outageOptions} />
          <Select
            name="degradedStatus"
            label="Status when slow (or a certificate expires soon)"
            form={form}
            initial="degraded_performance"
            options={outageOptions}
          />
          <Checkbox
            name="autoIncident"
            label="Post an incident automatically when the component goes down"
            form={form}
            hint="Updated as the monitor changes and resolved on recovery, until someone edits or posts on it."
          />
          <Select
            name="incidentTemplateId"
            label="Incident template"
            form={form}
            options={[['', 'None (Aviso writes it)'], ...templates.map((t) => [t.id, t.name] as const)]}
            hint="Its title, text, status and notification setting are used for the automatic incident."
          />
          {kind !== 'heartbeat' && (
            <Checkbox
              name="publicChart"
              label="Show its response times on the public page"
              form={form}
              hint="Under its component: the last 24 hours and 90 days, with gaps where checks could not run. A component shows the first of its monitors (by name) that has this on. Not for heartbeats."
            />
          )}
          {s.can('manage_page') && (
            <Checkbox
              name="allowPrivate"
              label="May reach private addresses"
              form={form}
              initial
              hint="Within the ranges AVISO_ALLOW_PRIVATE_TARGETS allows (your own network)."
            />
          )}
        </fieldset>
        <button type="submit">{existing === undefined ? 'Add monitor' : 'Save monitor'}</button>
      </form>
    </>
  );
}
