import type { Component } from '../../modules/components/index.ts';
import {
  emptySparkline,
  httpMethods,
  monitorKinds,
  type CheckOutcome,
  type CheckResult,
  type Monitor,
  type MonitorKind,
  type MonitorState,
  type MonitorView,
  type Sparkline,
} from '../../modules/monitors/index.ts';
import type { IncidentTemplate } from '../../modules/templates/index.ts';
import type { Screen } from '../admin-screen.tsx';
import type { FormState } from '../form-values.ts';
import { Checkbox, CsrfField, Field, FormAlert, Select, TextArea } from '../view/form-fields.tsx';
import { componentStatusLabel, formatTime } from '../view/format.ts';
import { useLocale, useT } from '../view/admin-i18n.tsx';
import type { Translator } from '../../i18n/translate.ts';
import { formatMilliseconds } from '../../i18n/format-dates.ts';
import type { Locale } from '../../shared/locales.ts';
import { SparklineView } from './sparkline.tsx';

/** A monitor's kind in the member's language; protocol names stay as they are. */
export function kindLabel(t: Translator, kind: MonitorKind): string {
  switch (kind) {
    case 'http':
      return t('adminMonitors.kindHttp');
    case 'tcp':
      return t('adminMonitors.kindTcp');
    case 'dns':
      return t('adminMonitors.kindDns');
    case 'tls':
      return t('adminMonitors.kindTls');
    case 'heartbeat':
      return t('adminMonitors.kindHeartbeat');
  }
}

const jsonComparisonOptions = (t: Translator) =>
  [
    ['equals', t('adminMonitors.comparisonEquals')],
    ['not_equals', t('adminMonitors.comparisonNotEquals')],
    ['contains', t('adminMonitors.comparisonContains')],
  ] as const;
const outageOptions = (t: Translator) =>
  (['degraded_performance', 'partial_outage', 'major_outage'] as const).map((st) => [st, componentStatusLabel(t, st)] as const);

function target(t: Translator, m: Monitor): string {
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
      return t('adminMonitors.targetHeartbeat', { seconds: Number(s['graceSeconds']) });
  }
}

const stateLabel = (t: Translator, state: MonitorState): string =>
  ({
    unknown: t('adminMonitors.stateUnknown'),
    up: t('adminMonitors.stateUp'),
    degraded: t('adminMonitors.stateDegraded'),
    down: t('adminMonitors.stateDown'),
  })[state];

/** A check's result in words: "up in 120 ms", "down". */
function resultWords(t: Translator, locale: Locale, outcome: CheckOutcome, durationMs: number | null): string {
  const word = {
    up: t('adminMonitors.outcomeUp'),
    degraded: t('adminMonitors.outcomeDegraded'),
    down: t('adminMonitors.outcomeDown'),
    no_data: t('adminMonitors.outcomeNoData'),
  }[outcome];
  return durationMs === null ? word : t('adminMonitors.outcomeIn', { outcome: word, duration: formatMilliseconds(locale, durationMs) });
}

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
  const t = useT();
  const locale = useLocale();
  const names = new Map(components.map((c) => [c.id, c.name]));
  return views.length === 0 ? (
    <p>{t('adminMonitors.empty')}</p>
  ) : (
    <ul class="items">
      {views.map(({ monitor: m, status }) => (
        <li key={m.id}>
          <h3 style="margin:0">
            <a href={`/admin/monitors/${m.id}`}>{m.name}</a>{' '}
            <span class="meta">
              ({kindLabel(t, m.kind)}){m.paused ? ` · ${t('adminMonitors.paused')}` : ''}
            </span>
          </h3>
          <p class="meta">
            <code>{target(t, m)}</code> · {t('adminMonitors.every', { seconds: m.intervalSeconds })} ·{' '}
            {m.componentId === null
              ? t('adminMonitors.noComponent')
              : t('adminMonitors.moves', { component: names.get(m.componentId) ?? '?' })}
          </p>
          <p>
            <strong>{stateLabel(t, status.state)}</strong>
            {status.lastCheckedAt !== null && (
              <>
                {' · '}
                {t('adminMonitors.lastCheck', {
                  time: formatTime(status.lastCheckedAt, s.page.timeZone, locale),
                  result: status.lastOutcome === null ? '—' : resultWords(t, locale, status.lastOutcome, status.lastDurationMs),
                })}
                {status.lastReason !== null && ` — ${status.lastReason}`}
              </>
            )}
            {m.kind === 'heartbeat' &&
              ` · ${t('adminMonitors.lastPing', { time: formatTime(status.lastPingAt, s.page.timeZone, locale) })}`}
          </p>
          {m.kind !== 'heartbeat' && (
            <p class="meta">
              <SparklineView sparkline={sparklines.get(m.id) ?? emptySparkline(s.ctx.clock.now())} />
              {m.publicChart && ` · ${t('adminMonitors.onPublicPage')}`}
            </p>
          )}
          {m.autoIncident && (
            <p class="meta">
              {views.find((v) => v.monitor.id === m.id)?.incident?.followed === false
                ? t('adminMonitors.autoIncidentReleased')
                : t('adminMonitors.autoIncidentFollowed')}{' '}
              {status.incidentId !== null && <a href={`/admin/incidents/${status.incidentId}`}>{t('adminMonitors.viewIncident')}</a>}
            </p>
          )}
          {tested?.id === m.id && (
            <p class="notice" role="status">
              {t('adminMonitors.tested', { result: resultWords(t, locale, tested.result.outcome, tested.result.durationMs) })}
              {tested.result.reason !== null && ` — ${tested.result.reason}`}
            </p>
          )}
          {s.can('manage_components') && (
            <div class="actions">
              <form method="post" action={`/admin/monitors/${m.id}/test`} style="display:inline">
                <CsrfField token={s.session.csrfToken} />
                <button type="submit">
                  {t('adminMonitors.testNow')}
                  <span class="sr-only"> {m.name}</span>
                </button>
              </form>{' '}
              <form method="post" action={`/admin/monitors/${m.id}/${m.paused ? 'resume' : 'pause'}`} style="display:inline">
                <CsrfField token={s.session.csrfToken} />
                <button type="submit">
                  {m.paused ? t('adminMonitors.resume') : t('adminMonitors.pause')}
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
  const t = useT();
  // A mirrored component already has its writer (the third-party page); the verb would refuse it.
  const leaves = components.filter((c) => !c.isGroup && (c.thirdParty === null || c.id === existing?.componentId));
  const action = existing === undefined ? '/admin/monitors' : `/admin/monitors/${existing.id}`;
  const kind = existing?.kind;
  const outages = outageOptions(t);
  return (
    <>
      <FormAlert form={form} />
      <form method="post" action={action} class="card" novalidate>
        <CsrfField token={s.session.csrfToken} />
        <Field name="name" label={t('adminMonitors.name')} form={form} required />
        {kind === undefined ? (
          <Select
            name="kind"
            label={t('adminMonitors.kind')}
            form={form}
            initial="http"
            options={monitorKinds.map((k) => [k, kindLabel(t, k)] as const)}
            hint={t('adminMonitors.kindHint')}
          />
        ) : (
          <p>{t('adminMonitors.kindFixed', { kind: kindLabel(t, kind) })}</p>
        )}
        <Select
          name="componentId"
          label={t('adminMonitors.component')}
          form={form}
          options={[['', t('adminMonitors.componentNone')], ...leaves.map((c) => [c.id, c.name] as const)]}
        />
        <fieldset>
          <legend>{t('adminMonitors.whatToCheck')}</legend>
          {(kind === undefined || kind === 'http') && (
            <>
              <Field name="url" label={t('adminMonitors.url')} type="url" form={form} />
              <Select
                name="method"
                label={t('adminMonitors.method')}
                form={form}
                initial="GET"
                options={httpMethods.map((m) => [m, m] as const)}
              />
              <Field
                name="expectedStatus"
                label={t('adminMonitors.expectedStatus')}
                form={form}
                initial="200-299"
                hint={t('adminMonitors.expectedStatusHint')}
              />
              <Field name="keyword" label={t('adminMonitors.keyword')} form={form} />
              <Field name="jsonPath" label={t('adminMonitors.jsonPath')} form={form} hint={t('adminMonitors.jsonPathHint')} />
              <Select
                name="jsonComparison"
                label={t('adminMonitors.jsonComparison')}
                form={form}
                initial="equals"
                options={jsonComparisonOptions(t)}
              />
              <Field name="jsonExpected" label={t('adminMonitors.jsonExpected')} form={form} hint={t('adminMonitors.jsonExpectedHint')} />
              <Field name="maxResponseMs" label={t('adminMonitors.maxResponseMs')} type="number" form={form} />
              <TextArea name="headers" label={t('adminMonitors.headers')} form={form} rows={3} hint={t('adminMonitors.headersHint')} />
              <TextArea
                name="requestBody"
                label={t('adminMonitors.requestBody')}
                form={form}
                rows={3}
                hint={t('adminMonitors.requestBodyHint')}
              />
              <Field
                name="maxRedirects"
                label={t('adminMonitors.maxRedirects')}
                type="number"
                form={form}
                initial="5"
                hint={t('adminMonitors.maxRedirectsHint')}
              />
              <Checkbox
                name="acceptInvalidTls"
                label={t('adminMonitors.acceptInvalidTls')}
                form={form}
                hint={t('adminMonitors.acceptInvalidTlsHint')}
              />
            </>
          )}
          {(kind === undefined || kind === 'tcp' || kind === 'tls') && (
            <>
              <Field name="host" label={t('adminMonitors.host')} form={form} />
              <Field name="port" label={t('adminMonitors.port')} type="number" form={form} />
            </>
          )}
          {(kind === undefined || kind === 'tls') && (
            <Field name="warnDays" label={t('adminMonitors.warnDays')} type="number" form={form} initial="14" />
          )}
          {(kind === undefined || kind === 'dns') && (
            <>
              <Field name="dnsName" label={t('adminMonitors.dnsName')} form={form} />
              <Select
                name="recordType"
                label={t('adminMonitors.recordType')}
                form={form}
                initial="A"
                options={['A', 'AAAA', 'CNAME', 'MX', 'TXT', 'NS', 'SRV', 'CAA'].map((r) => [r, r] as const)}
              />
              <Field name="expected" label={t('adminMonitors.expected')} form={form} />
              <Field name="resolver" label={t('adminMonitors.resolver')} form={form} hint={t('adminMonitors.resolverHint')} />
            </>
          )}
          {(kind === undefined || kind === 'heartbeat') && (
            <Field name="graceSeconds" label={t('adminMonitors.graceSeconds')} type="number" form={form} initial="60" />
          )}
        </fieldset>
        <fieldset>
          <legend>{t('adminMonitors.whenChanges')}</legend>
          <Field name="intervalSeconds" label={t('adminMonitors.intervalSeconds')} type="number" form={form} initial="60" />
          <Field name="timeoutSeconds" label={t('adminMonitors.timeoutSeconds')} type="number" form={form} initial="10" />
          <Field name="retries" label={t('adminMonitors.retries')} type="number" form={form} initial="0" />
          <Field name="failureThreshold" label={t('adminMonitors.failureThreshold')} type="number" form={form} initial="2" />
          <Field name="recoveryThreshold" label={t('adminMonitors.recoveryThreshold')} type="number" form={form} initial="2" />
          <Select name="failingStatus" label={t('adminMonitors.failingStatus')} form={form} initial="major_outage" options={outages} />
          <Select
            name="degradedStatus"
            label={t('adminMonitors.degradedStatus')}
            form={form}
            initial="degraded_performance"
            options={outages}
          />
          <Checkbox name="autoIncident" label={t('adminMonitors.autoIncident')} form={form} hint={t('adminMonitors.autoIncidentHint')} />
          <Select
            name="incidentTemplateId"
            label={t('adminMonitors.incidentTemplate')}
            form={form}
            options={[['', t('adminMonitors.templateNone')], ...templates.map((tpl) => [tpl.id, tpl.name] as const)]}
            hint={t('adminMonitors.templateHint')}
          />
          {kind !== 'heartbeat' && (
            <Checkbox name="publicChart" label={t('adminMonitors.publicChart')} form={form} hint={t('adminMonitors.publicChartHint')} />
          )}
          {s.can('manage_page') && (
            <Checkbox
              name="allowPrivate"
              label={t('adminMonitors.allowPrivate')}
              form={form}
              initial
              hint={t('adminMonitors.allowPrivateHint', { variable: 'AVISO_ALLOW_PRIVATE_TARGETS' })}
            />
          )}
        </fieldset>
        <button type="submit">{existing === undefined ? t('adminMonitors.add') : t('adminMonitors.save')}</button>
      </form>
    </>
  );
}
