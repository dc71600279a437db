import { z } from 'zod';
import { maxBodyDepth } from '../../shared/json-depth.ts';
import {
  apiKeyResponse,
  auditEventResponse,
  componentResponse,
  createdApiKeyResponse,
  errorResponse,
  incidentResponse,
  pageResponse,
  templateResponse,
  monitorResponse,
  createdMonitorResponse,
  checkResultResponse,
  alertReceiverResponse,
  createdAlertReceiverResponse,
} from './response-schemas.ts';

type Responses = Record<number, z.ZodType>;

const noContent = z.null().describe('No body');
const error = (description: string) => errorResponse.describe(description);
const errors = {
  400: error(
    'validation_failed: the body, query or path is not valid (details name the fields; a query parameter given twice is refused); bad_request: the address or the body cannot be read',
  ),
  401: error('unauthorized: no API key, or one that is unknown or revoked'),
  403: error('forbidden: a read-only key asked for a change, or a key without the admin scope for API keys'),
  404: error('The resource, or one the body names, does not exist (incident_not_found, component_not_found, …)'),
  409: error(
    'conflict: the change conflicts with the current state (a new URL for a monitor that is not a heartbeat, …); component_has_writer: a third-party status page already sets that component, or a monitor or an alert rule already moves the component being made to mirror one',
  ),
  413: error(`payload_too_large: the body is over 1 MB; payload_too_deep: it nests more than ${maxBodyDepth} levels`),
  414: error('uri_too_long: a part of the path is over 200 characters'),
  415: error('unsupported_media_type: the body is neither JSON nor a form'),
  422: error('The change is not allowed as asked (incident_transition_invalid, component_group_invalid, …)'),
  500: error('internal_error: quote the requestId'),
  503: error(
    'database_unavailable, database_full or database_read_only: the database cannot be reached or cannot save; nothing was changed, try again later (Retry-After)',
  ),
} as const;
type ErrorStatus = keyof typeof errors;

const pick = (...statuses: ErrorStatus[]) => Object.fromEntries(statuses.map((s) => [s, errors[s]]));
// Any request can be refused for its address or its query; any change also for its body.
const read = (ok: z.ZodType, ...more: ErrorStatus[]): Responses => ({ 200: ok, ...pick(400, 401, 414, 500, 503, ...more) });
const change = (status: 200 | 201 | 204, ok: z.ZodType, ...more: ErrorStatus[]): Responses => ({
  [status]: ok,
  ...pick(400, 401, 403, 413, 414, 415, 500, 503, ...more),
});

const incidents = z.object({ incidents: z.array(incidentResponse) });

/** Every answer of every /api/v1 route, by `METHOD path` (paths as the routes declare them). */
export const routeResponses: Record<string, Responses> = {
  'GET /page': read(pageResponse),
  'PATCH /page': change(200, pageResponse, 400),

  'GET /components': read(z.object({ components: z.array(componentResponse) })),
  'POST /components': change(201, componentResponse, 400, 404, 422),
  'POST /component-groups': change(201, componentResponse, 400, 404, 422),
  'GET /components/:id': read(componentResponse, 404),
  'PATCH /components/:id': change(200, componentResponse, 400, 404, 409, 422),
  'DELETE /components/:id': change(204, noContent, 404),

  'GET /incidents': read(incidents, 400),
  'POST /incidents': change(201, incidentResponse, 400, 404, 422),
  'GET /incidents/:id': read(incidentResponse, 404),
  'PATCH /incidents/:id': change(200, incidentResponse, 400, 404, 422),
  'DELETE /incidents/:id': change(204, noContent, 404),
  'POST /incidents/:id/updates': change(201, incidentResponse, 400, 404, 422),
  'PATCH /incidents/:id/updates/:updateId': change(200, incidentResponse, 400, 404, 422),
  'PUT /incidents/:id/translations/:locale': change(200, incidentResponse, 400, 404, 422),
  'PUT /incidents/:id/postmortem': change(200, incidentResponse, 400, 404, 422),
  'POST /incidents/:id/postmortem/publish': change(200, incidentResponse, 400, 404, 422),
  'POST /incidents/:id/postmortem/revert': change(200, incidentResponse, 404, 422),
  'DELETE /incidents/:id/postmortem': change(200, incidentResponse, 404, 422),

  'GET /maintenances': read(z.object({ maintenances: z.array(incidentResponse) }), 400),
  'POST /maintenances': change(201, incidentResponse, 400, 404, 422),
  'PATCH /maintenances/:id': change(200, incidentResponse, 400, 404, 422),

  'GET /api-keys': read(z.object({ apiKeys: z.array(apiKeyResponse) }), 403),
  'POST /api-keys': change(201, createdApiKeyResponse, 400),
  'DELETE /api-keys/:id': change(200, apiKeyResponse, 404),

  'GET /templates': read(z.object({ templates: z.array(templateResponse) })),
  'POST /templates': change(201, templateResponse, 400, 404),
  'GET /templates/:id': read(templateResponse, 404),
  'PATCH /templates/:id': change(200, templateResponse, 400, 404),
  'DELETE /templates/:id': change(200, templateResponse, 404),

  'GET /monitors': read(z.object({ monitors: z.array(monitorResponse) })),
  'POST /monitors': change(201, createdMonitorResponse, 400, 404, 409, 422),
  'GET /monitors/:id': read(monitorResponse, 404),
  'PATCH /monitors/:id': change(200, monitorResponse, 400, 404, 409, 422),
  'DELETE /monitors/:id': change(204, noContent, 404),
  'POST /monitors/:id/test': change(200, checkResultResponse, 404),
  'POST /monitors/:id/rotate-token': change(200, createdMonitorResponse, 404, 409),

  'GET /alert-receivers': read(z.object({ alertReceivers: z.array(alertReceiverResponse) })),
  'POST /alert-receivers': change(201, createdAlertReceiverResponse, 400, 404, 409, 422),
  'GET /alert-receivers/:id': read(alertReceiverResponse, 404),
  'PATCH /alert-receivers/:id': change(200, alertReceiverResponse, 400, 404, 409, 422),
  'POST /alert-receivers/:id/rotate-token': change(200, createdAlertReceiverResponse, 404),
  'DELETE /alert-receivers/:id': change(204, noContent, 404),

  'GET /audit-events': read(z.object({ auditEvents: z.array(auditEventResponse) }), 400),
};
