import type { CreateMonitorInput, Monitor, MonitorKind } from '../../modules/monitors/index.ts';
import { t } from '../../i18n/translate.ts';
import { checked, FieldError, optional, parseInteger, text, type FormBody } from '../form-values.ts';

/** Where a verb's field paths show on the form. */
export const monitorFormFields: Record<string, string> = {
  'settings.url': 'url',
  'settings.method': 'method',
  'settings.expectedStatus': 'expectedStatus',
  'settings.keyword': 'keyword',
  'settings.jsonAssertion.path': 'jsonPath',
  'settings.jsonAssertion.comparison': 'jsonComparison',
  'settings.jsonAssertion.expected': 'jsonExpected',
  'settings.maxResponseMs': 'maxResponseMs',
  'settings.headers': 'headers',
  'settings.body': 'requestBody',
  'settings.maxRedirects': 'maxRedirects',
  'settings.host': 'host',
  'settings.port': 'port',
  'settings.name': 'dnsName',
  'settings.recordType': 'recordType',
  'settings.expected': 'expected',
  'settings.resolver': 'resolver',
  'settings.warnDays': 'warnDays',
  'settings.graceSeconds': 'graceSeconds',
};

const optionalInteger = (body: FormBody, name: string): number | null => {
  const value = optional(body, name);
  return value === null ? null : parseInteger(body, name, 0);
};

/** Request headers written one per line as `Name: value`; a line without a name and a colon is refused on the field. */
function headersFromForm(body: FormBody): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const [index, line] of text(body, 'headers').split(/\r?\n/).entries()) {
    if (line.trim() === '') continue;
    const colon = line.indexOf(':');
    const name = colon < 0 ? '' : line.slice(0, colon).trim();
    if (name === '') {
      const params = { line: index + 1 };
      throw new FieldError('headers', t('en', 'adminMonitors.headerLine', params), 'adminMonitors.headerLine', params);
    }
    headers[name] = line.slice(colon + 1).trim();
  }
  return headers;
}

/** An empty path: no JSON assertion. */
function jsonAssertionFromForm(body: FormBody): Record<string, unknown> | null {
  const path = optional(body, 'jsonPath');
  if (path === null) return null;
  return { path, comparison: text(body, 'jsonComparison') || 'equals', expected: text(body, 'jsonExpected') };
}

/** The kind's settings from the form's fields; the verb validates them. */
export function settingsFromForm(kind: MonitorKind, body: FormBody): Record<string, unknown> {
  switch (kind) {
    case 'http':
      return {
        url: text(body, 'url').trim(),
        method: text(body, 'method') || 'GET',
        expectedStatus: (optional(body, 'expectedStatus') ?? '200-299')
          .split(',')
          .map((s) => s.trim())
          .filter((s) => s !== ''),
        headers: headersFromForm(body),
        body: text(body, 'requestBody') === '' ? null : text(body, 'requestBody'),
        keyword: optional(body, 'keyword'),
        jsonAssertion: jsonAssertionFromForm(body),
        maxResponseMs: optionalInteger(body, 'maxResponseMs'),
        maxRedirects: parseInteger(body, 'maxRedirects', 5),
        // Verifying is the default: only a ticked box turns it off.
        verifyTls: !checked(body, 'acceptInvalidTls'),
      };
    case 'tcp':
      return { host: text(body, 'host').trim(), port: parseInteger(body, 'port', 0) };
    case 'tls':
      return { host: text(body, 'host').trim(), port: parseInteger(body, 'port', 443), warnDays: parseInteger(body, 'warnDays', 14) };
    case 'dns':
      return {
        name: text(body, 'dnsName').trim(),
        recordType: text(body, 'recordType') || 'A',
        expected: optional(body, 'expected'),
        resolver: optional(body, 'resolver'),
      };
    case 'heartbeat':
      return { graceSeconds: parseInteger(body, 'graceSeconds', 60) };
  }
}

export function monitorFromForm(body: FormBody, kind: MonitorKind): Omit<CreateMonitorInput, 'kind'> {
  return {
    name: text(body, 'name'),
    componentId: optional(body, 'componentId'),
    settings: settingsFromForm(kind, body),
    intervalSeconds: parseInteger(body, 'intervalSeconds', 60),
    timeoutMs: parseInteger(body, 'timeoutSeconds', 10) * 1000,
    retries: parseInteger(body, 'retries', 0),
    failureThreshold: parseInteger(body, 'failureThreshold', 2),
    recoveryThreshold: parseInteger(body, 'recoveryThreshold', 2),
    failingStatus: text(body, 'failingStatus') as CreateMonitorInput['failingStatus'],
    degradedStatus: text(body, 'degradedStatus') as CreateMonitorInput['degradedStatus'],
    allowPrivate: checked(body, 'allowPrivate'),
    autoIncident: checked(body, 'autoIncident'),
    incidentTemplateId: optional(body, 'incidentTemplateId'),
    publicChart: checked(body, 'publicChart'),
  };
}

/** The form's values for an existing monitor. */
export function formFromMonitor(m: Monitor): FormBody {
  const s = m.settings as Record<string, unknown>;
  const assertion = (s['jsonAssertion'] ?? null) as Record<string, unknown> | null;
  const str = (v: unknown): string =>
    v === null || v === undefined ? '' : Array.isArray(v) ? v.join(', ') : typeof v === 'string' || typeof v === 'number' ? String(v) : '';
  return {
    name: m.name,
    kind: m.kind,
    componentId: m.componentId ?? '',
    intervalSeconds: String(m.intervalSeconds),
    timeoutSeconds: String(Math.round(m.timeoutMs / 1000)),
    retries: String(m.retries),
    failureThreshold: String(m.failureThreshold),
    recoveryThreshold: String(m.recoveryThreshold),
    failingStatus: m.failingStatus,
    degradedStatus: m.degradedStatus,
    allowPrivate: m.allowPrivate ? 'on' : undefined,
    autoIncident: m.autoIncident ? 'on' : undefined,
    incidentTemplateId: m.incidentTemplateId ?? '',
    publicChart: m.publicChart ? 'on' : undefined,
    url: str(s['url']),
    method: str(s['method']),
    expectedStatus: str(s['expectedStatus']),
    keyword: str(s['keyword']),
    jsonPath: str(assertion?.['path']),
    jsonComparison: str(assertion?.['comparison']),
    jsonExpected: str(assertion?.['expected']),
    maxResponseMs: str(s['maxResponseMs']),
    headers: Object.entries((s['headers'] ?? {}) as Record<string, string>)
      .map(([name, value]) => `${name}: ${value}`)
      .join('\n'),
    requestBody: str(s['body']),
    maxRedirects: str(s['maxRedirects']),
    acceptInvalidTls: s['verifyTls'] === false ? 'on' : undefined,
    host: str(s['host']),
    port: str(s['port']),
    dnsName: str(s['name']),
    recordType: str(s['recordType']),
    expected: str(s['expected']),
    resolver: str(s['resolver']),
    warnDays: str(s['warnDays']),
    graceSeconds: str(s['graceSeconds']),
  };
}
