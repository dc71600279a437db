/**
 * The one catalogue of failures Aviso can report. Codes are stable and part of the public API;
 * every client-facing message comes from here or from the `message` given to an AppError.
 */
export const errorCatalogue = {
  validation_failed: { status: 400, message: 'The request is not valid.' },
  bad_request: { status: 400, message: 'The request could not be understood.' },
  unauthorized: { status: 401, message: 'Authentication is required.' },
  forbidden: { status: 403, message: 'You are not allowed to do this.' },
  not_found: { status: 404, message: 'Nothing was found here.' },
  page_not_found: { status: 404, message: 'The page does not exist.' },
  component_not_found: { status: 404, message: 'The component does not exist.' },
  incident_not_found: { status: 404, message: 'The incident does not exist.' },
  incident_update_not_found: { status: 404, message: 'The incident update does not exist.' },
  maintenance_not_found: { status: 404, message: 'The maintenance does not exist.' },
  api_key_not_found: { status: 404, message: 'The API key does not exist.' },
  user_not_found: { status: 404, message: 'The user does not exist.' },
  template_not_found: { status: 404, message: 'The incident template does not exist.' },
  subscriber_not_found: { status: 404, message: 'The subscriber does not exist.' },
  monitor_not_found: { status: 404, message: 'The monitor does not exist.' },
  alert_receiver_not_found: { status: 404, message: 'The alert receiver does not exist.' },
  link_invalid: { status: 410, message: 'This link is not valid any more; ask for a new one.' },
  conflict: { status: 409, message: 'The request conflicts with the current state.' },
  channel_not_configured: { status: 422, message: 'This page cannot send notifications through this channel.' },
  import_source_failed: { status: 502, message: 'The page to import from could not be read.' },
  component_group_invalid: { status: 422, message: 'The component group is not valid.' },
  component_has_writer: { status: 409, message: 'Something else already sets this component’s status.' },
  incident_transition_invalid: { status: 422, message: 'This status change is not allowed.' },
  page_file_invalid: { status: 422, message: 'The page file is not valid.' },
  example_not_found: { status: 404, message: 'The example page does not exist.' },
  method_not_allowed: { status: 405, message: 'This method is not allowed here.' },
  payload_too_large: { status: 413, message: 'The request body is too large.' },
  payload_too_deep: { status: 413, message: 'The request body is nested too deeply.' },
  uri_too_long: { status: 414, message: 'The address is too long.' },
  unsupported_media_type: { status: 415, message: 'This content type is not accepted; send JSON or a form.' },
  rate_limited: { status: 429, message: 'Too many requests; try again later.' },
  database_unavailable: { status: 503, message: 'The database cannot be reached.' },
  database_full: { status: 503, message: 'The disk holding the database is full, so nothing can be saved.' },
  database_read_only: { status: 503, message: 'The database is read-only, so nothing can be saved.' },
  internal_error: { status: 500, message: 'Something went wrong on our side.' },
} as const satisfies Record<string, { status: number; message: string }>;

export type ErrorCode = keyof typeof errorCatalogue;

export interface ErrorDetail {
  /** Where the problem is: a field path (`incident.name`) or a file position (`line 12`). */
  path?: string;
  message: string;
}

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly status: number;
  readonly details: ErrorDetail[] | undefined;
  /**
   * The message catalogue's key for `message`, when a person meets this failure on a screen in
   * their own language (a wrong password on the login form); the API answers with `message`.
   */
  readonly messageKey: string | undefined;

  constructor(code: ErrorCode, message?: string, details?: ErrorDetail[], messageKey?: string) {
    super(message ?? errorCatalogue[code].message);
    this.name = 'AppError';
    this.code = code;
    this.status = errorCatalogue[code].status;
    this.details = details;
    this.messageKey = messageKey;
  }
}

/** The failures of the database itself (503s an operator fixes), logged once per episode, not per request. */
export function isDatabaseFailure(code: ErrorCode): code is 'database_unavailable' | 'database_full' | 'database_read_only' {
  return code === 'database_unavailable' || code === 'database_full' || code === 'database_read_only';
}

export function isAppError(error: unknown): error is AppError {
  return error instanceof AppError;
}

type Entity = 'component' | 'incident' | 'incident_update' | 'maintenance' | 'page';

export function notFound(entity: Entity, id: string): AppError {
  const code: ErrorCode = `${entity}_not_found`;
  const label = entity.replace('_', ' ');
  return new AppError(code, `No ${label} has the id "${id}".`);
}

export function invalid(message: string, details?: ErrorDetail[]): AppError {
  return new AppError('validation_failed', message, details);
}
