import { z } from 'zod';
import { dnsRecordTypes } from '../../outbound/index.ts';
import { componentIdSchema, type ComponentStatus } from '../components/index.ts';
import type { ComponentId } from '../../shared/ids.ts';
import { parseJsonPath } from './checks/json-path.ts';

export const monitorKinds = ['http', 'tcp', 'dns', 'tls', 'heartbeat'] as const;
export type MonitorKind = (typeof monitorKinds)[number];

/** What one check concluded. `no_data`: the check could not run in its slot (Aviso was down or overloaded). */
export const checkOutcomes = ['up', 'degraded', 'down', 'no_data'] as const;
export type CheckOutcome = (typeof checkOutcomes)[number];

export const httpMethods = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'] as const;
const statusRange = z
  .string()
  .regex(/^[1-5]\d\d(-[1-5]\d\d)?$/, 'must be a status such as 200 or a range such as 200-299')
  .refine((r) => {
    const [from, to] = r.split('-').map(Number);
    return to === undefined || (from as number) <= to;
  }, 'a range must run from the lower status to the higher');

const host = z
  .string()
  .trim()
  .min(1)
  .max(253)
  .regex(/^[A-Za-z0-9.:\-[\]]+$/, 'must be a host name or an address');

export const jsonComparisons = ['equals', 'not_equals', 'contains'] as const;

/** A value the answer's JSON must hold: the text at `path` equals, differs from or contains `expected`. */
export const jsonAssertionSchema = z
  .object({
    path: z
      .string()
      .trim()
      .min(1)
      .max(500)
      .superRefine((path, ctx) => {
        const parsed = parseJsonPath(path);
        if (!parsed.ok) ctx.addIssue({ code: 'custom', message: `is not a JSON path Aviso reads: it ${parsed.problem}` });
      }),
    comparison: z.enum(jsonComparisons).default('equals'),
    /** A string as itself; a number, true, false or null as its JSON text. */
    expected: z.string().max(500),
  })
  .strict();
export type JsonAssertion = z.output<typeof jsonAssertionSchema>;

export const httpSettingsSchema = z
  .object({
    url: z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' }).max(2000),
    method: z.enum(httpMethods).default('GET'),
    headers: z.record(z.string().regex(/^[A-Za-z0-9!#$%&'*+.^_`|~-]+$/, 'must be a header name'), z.string().max(4000)).default({}),
    body: z.string().max(65536).nullable().default(null),
    expectedStatus: z.array(statusRange).min(1).max(20).default(['200-299']),
    keyword: z.string().min(1).max(500).nullable().default(null),
    jsonAssertion: jsonAssertionSchema.nullable().default(null),
    /** Slower than this is `degraded`; null: never. */
    maxResponseMs: z.number().int().min(1).max(120_000).nullable().default(null),
    maxRedirects: z.number().int().min(0).max(10).default(5),
    verifyTls: z.boolean().default(true),
  })
  .strict();

export const tcpSettingsSchema = z.object({ host, port: z.number().int().min(1).max(65535) }).strict();

export const dnsSettingsSchema = z
  .object({
    name: host,
    recordType: z.enum(dnsRecordTypes).default('A'),
    /** One of the answers must be this; null: any answer will do. */
    expected: z.string().trim().min(1).max(500).nullable().default(null),
    /** `ip` or `ip:port`; null: the configured resolvers. */
    resolver: z.string().trim().min(1).max(100).nullable().default(null),
  })
  .strict();

export const tlsSettingsSchema = z
  .object({
    host,
    port: z.number().int().min(1).max(65535).default(443),
    /** Fewer days left than this is `degraded`; an expired or untrusted certificate is `down`. */
    warnDays: z.number().int().min(0).max(365).default(14),
  })
  .strict();

export const heartbeatSettingsSchema = z
  .object({
    /** Silence beyond the interval plus this is a failure. */
    graceSeconds: z
      .number()
      .int()
      .min(0)
      .max(7 * 86400)
      .default(60),
  })
  .strict();

export type HttpSettings = z.output<typeof httpSettingsSchema>;
export type TcpSettings = z.output<typeof tcpSettingsSchema>;
export type DnsSettings = z.output<typeof dnsSettingsSchema>;
export type TlsSettings = z.output<typeof tlsSettingsSchema>;
export type HeartbeatSettings = z.output<typeof heartbeatSettingsSchema>;

export const settingsSchemas = {
  http: httpSettingsSchema,
  tcp: tcpSettingsSchema,
  dns: dnsSettingsSchema,
  tls: tlsSettingsSchema,
  heartbeat: heartbeatSettingsSchema,
} as const;

export type MonitorSettings =
  | { kind: 'http'; settings: HttpSettings }
  | { kind: 'tcp'; settings: TcpSettings }
  | { kind: 'dns'; settings: DnsSettings }
  | { kind: 'tls'; settings: TlsSettings }
  | { kind: 'heartbeat'; settings: HeartbeatSettings };

export type Monitor = MonitorSettings & {
  id: string;
  name: string;
  componentId: ComponentId | null;
  intervalSeconds: number;
  timeoutMs: number;
  retries: number;
  /** Failures in a row before the component changes. */
  failureThreshold: number;
  /** Successes in a row before it recovers. */
  recoveryThreshold: number;
  failingStatus: ComponentStatus;
  degradedStatus: ComponentStatus;
  /** May reach private addresses the operator's policy allows. */
  allowPrivate: boolean;
  paused: boolean;
  autoIncident: boolean;
  /** The template the automatic incident is written from (its title, text, status, notification setting); null: Aviso's own words. */
  incidentTemplateId: string | null;
  /** Its response times are drawn under its component on the public page. */
  publicChart: boolean;
  createdAt: Date;
  updatedAt: Date;
};

export type MonitorState = 'unknown' | 'up' | 'degraded' | 'down';

export interface MonitorStatus {
  state: MonitorState;
  failures: number;
  successes: number;
  lastCheckedAt: Date | null;
  lastOutcome: CheckOutcome | null;
  lastReason: string | null;
  lastDurationMs: number | null;
  lastPingAt: Date | null;
  incidentId: string | null;
}

export const initialStatus: MonitorStatus = {
  state: 'unknown',
  failures: 0,
  successes: 0,
  lastCheckedAt: null,
  lastOutcome: null,
  lastReason: null,
  lastDurationMs: null,
  lastPingAt: null,
  incidentId: null,
};

const outageStatus = z.enum(['degraded_performance', 'partial_outage', 'major_outage']);

const settingsField = z
  .record(z.string(), z.unknown())
  .describe(
    "The kind's settings (docs/monitors.md); an HTTP monitor's `jsonAssertion` is `{ path, comparison: equals | not_equals | contains, expected }` or null",
  );

const commonFields = {
  name: z.string().trim().min(1).max(255),
  componentId: componentIdSchema.nullable(),
  intervalSeconds: z.number().int().min(10, 'must be at least 10 seconds').max(86400),
  timeoutMs: z.number().int().min(100).max(60_000),
  retries: z.number().int().min(0).max(5),
  failureThreshold: z.number().int().min(1).max(20),
  recoveryThreshold: z.number().int().min(1).max(20),
  failingStatus: outageStatus,
  degradedStatus: outageStatus,
  allowPrivate: z.boolean(),
  paused: z.boolean(),
  autoIncident: z.boolean(),
  incidentTemplateId: z
    .string()
    .regex(/^[0-9a-z]{12}$/, 'must be a template id')
    .nullable(),
  publicChart: z.boolean(),
};

export const createMonitorSchema = z
  .object({
    ...commonFields,
    kind: z.enum(monitorKinds),
    settings: settingsField.default({}),
    componentId: commonFields.componentId.default(null),
    intervalSeconds: commonFields.intervalSeconds.default(60),
    timeoutMs: commonFields.timeoutMs.default(10_000),
    retries: commonFields.retries.default(0),
    failureThreshold: commonFields.failureThreshold.default(2),
    recoveryThreshold: commonFields.recoveryThreshold.default(2),
    failingStatus: commonFields.failingStatus.default('major_outage'),
    degradedStatus: commonFields.degradedStatus.default('degraded_performance'),
    allowPrivate: commonFields.allowPrivate.default(false),
    paused: commonFields.paused.default(false),
    autoIncident: commonFields.autoIncident.default(false),
    incidentTemplateId: commonFields.incidentTemplateId.default(null),
    publicChart: commonFields.publicChart.default(false),
  })
  .strict();
export type CreateMonitorInput = z.input<typeof createMonitorSchema>;

export const updateMonitorSchema = z
  .object({ ...commonFields, settings: settingsField })
  .partial()
  .strict();
export type UpdateMonitorInput = z.input<typeof updateMonitorSchema>;
