import { z } from 'zod';
import { apiKeyScopes } from '../../modules/accounts/index.ts';
import { componentStatuses } from '../../modules/components/index.ts';
import { generatedBodyKeys, impacts, incidentStatuses, maintenanceStatuses, type GeneratedBodyKey } from '../../modules/incidents/index.ts';
import { pageSettingsSchema } from '../../modules/page/index.ts';
import { errorCatalogue } from '../../shared/errors.ts';
import { supportedLocales } from '../../shared/locales.ts';

/**
 * The wire shapes of /api/v1's answers, for the OpenAPI document (the routes send the module's
 * objects as JSON; `openapi.test.ts` checks every answer the tests get against these).
 */
const instant = z.iso.datetime({ offset: true }).describe('An instant, ISO 8601 in UTC');
const id = z.string().min(1);
const updateStatus = z.enum([...incidentStatuses, ...maintenanceStatuses]);

export const errorResponse = z
  .object({
    error: z.object({
      code: z.enum(Object.keys(errorCatalogue) as [keyof typeof errorCatalogue]).describe('Stable; see the error catalogue'),
      message: z.string().describe('Readable; may change'),
      details: z.unknown().optional().describe('For validation_failed: the problems by field'),
      requestId: z.string().optional().describe('On 5xx answers: quote it when reporting the problem'),
    }),
  })
  .meta({ id: 'Error' });

export const pageResponse = z
  .object({
    id,
    name: z.string(),
    url: z.url().describe('AVISO_PUBLIC_URL: where every link points'),
    timeZone: z.string(),
    defaultLocale: z.enum(supportedLocales),
    locales: z.array(z.enum(supportedLocales)),
    settings: pageSettingsSchema,
    revision: z.number().int(),
    createdAt: instant,
    updatedAt: instant,
  })
  .meta({ id: 'Page' });

export const componentResponse = z
  .object({
    id,
    name: z.string(),
    description: z.string().nullable(),
    position: z.number().int(),
    isGroup: z.boolean(),
    groupId: id.nullable(),
    status: z.enum(componentStatuses),
    showcase: z.boolean(),
    onlyShowIfDegraded: z.boolean(),
    startDate: z.iso.date().nullable(),
    thirdParty: z.object({ sourceUrl: z.string(), componentId: z.string() }).nullable(),
    statusUnknownSince: instant.nullable().meta({ description: 'A third-party component whose source cannot be read: since when.' }),
    mirrorHeldUntil: instant
      .nullable()
      .meta({ description: 'A third-party component whose status an operator holds against its source: until when.' }),
    translations: z
      .record(z.string(), z.object({ name: z.string().optional(), description: z.string().optional() }))
      .describe("The operator's translations of the name and description by language; `{}` when there are none"),
    createdAt: instant,
    updatedAt: instant,
  })
  .meta({ id: 'Component' });

const incidentUpdate = z
  .object({
    id,
    incidentId: id,
    status: updateStatus,
    body: z.string().describe("The operator's text exactly as written (Markdown); '' when Aviso wrote the update"),
    generatedBody: z
      .object({
        key: z.enum(generatedBodyKeys as [GeneratedBodyKey, ...GeneratedBodyKey[]]),
        params: z.record(z.string(), z.number()).optional(),
      })
      .nullable()
      .describe(
        "Aviso's own words (the status's standard sentence, the maintenance reminder) as a key, worded in each reader's language where they are read; null for an operator's text",
      ),
    createdAt: instant,
    updatedAt: instant,
    displayAt: instant,
    deliverNotifications: z.boolean(),
    affectedComponents: z.array(
      z.object({ componentId: id, name: z.string(), oldStatus: z.enum(componentStatuses), newStatus: z.enum(componentStatuses) }),
    ),
  })
  .meta({ id: 'IncidentUpdate' });

export const incidentResponse = z
  .object({
    id,
    kind: z.enum(['incident', 'maintenance']),
    name: z.string(),
    status: z.enum([...incidentStatuses, ...maintenanceStatuses, 'postmortem']),
    impact: z.enum(impacts),
    impactOverride: z.enum(impacts).nullable(),
    createdAt: instant,
    updatedAt: instant,
    startedAt: instant,
    monitoringAt: instant.nullable(),
    resolvedAt: instant.nullable(),
    backfilled: z.boolean(),
    schedule: z
      .object({
        scheduledFor: instant,
        scheduledUntil: instant,
        remindPrior: z.number().int().describe('Minutes before the start; 0 for no reminder'),
        remindedAt: instant.nullable(),
        autoInProgress: z.boolean(),
        autoCompleted: z.boolean(),
        autoTransitionToMaintenanceState: z.boolean(),
        autoTransitionToOperationalState: z.boolean(),
        autoTransitionDeliverNotificationsAtStart: z.boolean(),
        autoTransitionDeliverNotificationsAtEnd: z.boolean(),
      })
      .nullable()
      .describe('A maintenance window; null for an incident'),
    postmortem: z.object({
      body: z.string().nullable(),
      draft: z.string().nullable(),
      lastUpdatedAt: instant.nullable(),
      publishedAt: instant.nullable(),
      notifiedSubscribers: z.boolean(),
      ignored: z.boolean(),
    }),
    metadata: z.record(z.string(), z.unknown()),
    componentIds: z.array(id),
    updates: z.array(incidentUpdate).describe('Newest first'),
    translations: z
      .record(
        z.string(),
        z.object({ name: z.string().optional(), postmortem: z.string().optional(), updates: z.record(z.string(), z.string()).optional() }),
      )
      .optional()
      .describe("The operator's translations by language (name, postmortem, update text by update id); absent when there are none"),
  })
  .meta({ id: 'Incident' });

export const apiKeyResponse = z
  .object({
    id,
    name: z.string(),
    scope: z.enum(apiKeyScopes),
    prefix: z.string().describe('The first characters of the key, to recognise it'),
    createdAt: instant,
    lastUsedAt: instant.nullable(),
    revokedAt: instant.nullable(),
    createdBy: z.string().nullable(),
  })
  .meta({ id: 'ApiKey' });

export const templateResponse = z
  .object({
    id,
    name: z.string(),
    title: z.string(),
    body: z.string(),
    updateStatus,
    componentIds: z.array(id),
    shouldSendNotifications: z.boolean(),
    shouldTweet: z.boolean(),
    groupId: z.string().nullable(),
    createdAt: instant,
    updatedAt: instant,
  })
  .meta({ id: 'IncidentTemplate' });

const jsonAssertionResponse = z
  .object({
    path: z.string().describe("Where the value is: $ then .name, ['name'] or [index] steps"),
    comparison: z.enum(['equals', 'not_equals', 'contains']),
    expected: z.string().describe('Text as it is; a number, true, false or null as written in JSON'),
  })
  .meta({ id: 'JsonAssertion' });

const monitorFields = {
  id,
  name: z.string(),
  kind: z.enum(['http', 'tcp', 'dns', 'tls', 'heartbeat']),
  componentId: id.nullable(),
  settings: z
    .looseObject({
      jsonAssertion: jsonAssertionResponse
        .nullable()
        .optional()
        .describe(
          "HTTP only: a value the answer's JSON must hold; a body that is not JSON, a path that finds nothing or another value fails",
        ),
    })
    .describe("The kind's settings (docs/monitors.md)"),
  intervalSeconds: z.number().int(),
  timeoutMs: z.number().int(),
  retries: z.number().int(),
  failureThreshold: z.number().int().describe('Failures in a row before the component changes'),
  recoveryThreshold: z.number().int().describe('Successes in a row before it recovers'),
  failingStatus: z.enum(componentStatuses),
  degradedStatus: z.enum(componentStatuses),
  allowPrivate: z.boolean(),
  paused: z.boolean(),
  autoIncident: z.boolean(),
  incidentTemplateId: id.nullable().describe('The template its automatic incident is written from; null: Aviso’s own words'),
  publicChart: z.boolean().describe('Its response times are drawn under its component on the public page'),
  createdAt: instant,
  updatedAt: instant,
  state: z.enum(['unknown', 'up', 'degraded', 'down']),
  lastCheckedAt: instant.nullable(),
  lastOutcome: z.enum(['up', 'degraded', 'down', 'no_data']).nullable(),
  lastReason: z.string().nullable(),
  lastDurationMs: z.number().int().nullable(),
  lastPingAt: instant.nullable(),
};

export const monitorResponse = z.object(monitorFields).meta({ id: 'Monitor' });

export const createdMonitorResponse = z
  .object({ ...monitorFields, pushUrl: z.string().nullable().describe("A heartbeat's secret URL, shown once") })
  .meta({ id: 'CreatedMonitor' });

export const checkResultResponse = z
  .object({
    outcome: z.enum(['up', 'degraded', 'down']),
    durationMs: z.number().int().nullable(),
    reason: z.string().nullable(),
  })
  .meta({ id: 'CheckResult' });

export const auditEventResponse = z
  .object({
    id,
    at: instant,
    actor: z.object({ kind: z.enum(['system', 'user', 'api_key']), id: z.string().nullable(), name: z.string() }),
    action: z.string().describe('<entity>.<verb>, e.g. incident.open'),
    entityType: z.string(),
    entityId: z.string().nullable(),
    before: z.unknown().describe('The entity before the change; null when it did not exist'),
    after: z.unknown().describe('The entity after the change; null when it was deleted'),
  })
  .meta({ id: 'AuditEvent' });

export const createdApiKeyResponse = z.object({
  key: z.string().describe('The key itself: shown this once, only its hash is kept'),
  info: apiKeyResponse,
});

const alertReceiverFields = {
  id,
  name: z.string(),
  rules: z.array(
    z.object({
      matchers: z
        .array(z.string())
        .describe('Label matchers, all of which must hold: service="api", env!="dev", job=~"api|web", job!~"test.*"'),
      componentId: id,
      severityLabel: z.string(),
      severities: z.record(z.string(), z.enum(componentStatuses)).describe('Severity label value → component status'),
      defaultStatus: z.enum(componentStatuses).describe('For a severity not listed'),
      autoIncident: z.boolean().describe('Open, update and resolve an incident as the alerts fire and resolve'),
      incidentTemplateId: id.nullable().describe('The template its automatic incident is written from; null: Aviso’s own words'),
    }),
  ),
  createdAt: instant,
  updatedAt: instant,
};

export const alertReceiverResponse = z.object(alertReceiverFields).meta({ id: 'AlertReceiver' });

export const createdAlertReceiverResponse = z
  .object({ ...alertReceiverFields, url: z.string().describe("The receiver's secret URL, shown once") })
  .meta({ id: 'CreatedAlertReceiver' });
