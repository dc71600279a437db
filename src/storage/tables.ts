import type { Generated } from 'kysely';

/**
 * One typed row per table, as the stores see them (camelCase; CamelCasePlugin maps to snake_case).
 * Portable column types only, so SQLite and PostgreSQL share every query:
 * timestamps are ISO-8601 UTC text with milliseconds (`2025-11-20T10:00:00.000Z`, sortable as text),
 * booleans are integers 0/1, JSON is text.
 */
export interface PagesTable {
  id: string;
  name: string;
  url: string;
  timeZone: string;
  defaultLocale: string;
  /** JSON array of enabled locale codes. */
  locales: string;
  /** JSON object of optional presentation settings (colours, logo, footer links, …). */
  settings: string;
  /** Bumped by every write: caches key on it, other instances poll it. */
  revision: number;
  createdAt: string;
  updatedAt: string;
}

export interface ComponentsTable {
  id: string;
  name: string;
  description: string | null;
  /** 1-based, within its parent (the page's top level or a group). */
  position: number;
  isGroup: number;
  groupId: string | null;
  status: string;
  showcase: number;
  onlyShowIfDegraded: number;
  /** `YYYY-MM-DD`; uptime counts from this date. */
  startDate: string | null;
  thirdPartySourceUrl: string | null;
  thirdPartyComponentId: string | null;
  /** Since when a third-party component's source could not be read (null while it can). */
  statusUnknownSince: string | null;
  /** Until when an operator holds a third-party component's status against its source. */
  mirrorHeldUntil: string | null;
  /** JSON `{ "<locale>": { name?, description? } }`: the operator's translations. */
  translations: string | null;
  createdAt: string;
  updatedAt: string;
}

/** One row per third-party source URL: how and when it is polled, and what it answered last. */
export interface ThirdPartySourcesTable {
  url: string;
  /** The adapter: `statuspage` (API v2, incident.io, Aviso) or `instatus`. */
  kind: string;
  intervalSeconds: number;
  etag: string | null;
  lastModified: string | null;
  nextPollAt: string;
  lastPolledAt: string | null;
  lastReadAt: string | null;
  failingSince: string | null;
  consecutiveFailures: number;
  lastError: string | null;
  /** JSON: the source's components as last read (for the admin's picker). */
  catalogue: string | null;
  createdAt: string;
  updatedAt: string;
}

/** Append-only: every status a component ever had, from when, and why. */
export interface ComponentStatusChangesTable {
  id: Generated<number>;
  componentId: string;
  status: string;
  changedAt: string;
  cause: string;
  causeId: string | null;
  recordedAt: string;
}

export interface IncidentsTable {
  id: string;
  kind: string;
  name: string;
  status: string;
  impact: string;
  impactOverride: string | null;
  createdAt: string;
  updatedAt: string;
  startedAt: string;
  monitoringAt: string | null;
  resolvedAt: string | null;
  backfilled: number;
  scheduledFor: string | null;
  scheduledUntil: string | null;
  scheduledRemindPrior: number;
  scheduledRemindedAt: string | null;
  scheduledAutoInProgress: number;
  scheduledAutoCompleted: number;
  autoTransitionToMaintenanceState: number;
  autoTransitionToOperationalState: number;
  autoTransitionDeliverNotificationsAtStart: number;
  autoTransitionDeliverNotificationsAtEnd: number;
  postmortemBody: string | null;
  postmortemBodyDraft: string | null;
  postmortemBodyLastUpdatedAt: string | null;
  postmortemPublishedAt: string | null;
  postmortemNotifiedSubscribers: number;
  postmortemIgnored: number;
  /** JSON object (Statuspage's `metadata`). */
  metadata: string;
  /** JSON `{ "<locale>": { name?, postmortem?, updates?: { "<update id>": text } } }`: the operator's translations. */
  translations: string | null;
}

export interface IncidentUpdatesTable {
  id: string;
  incidentId: string;
  status: string;
  body: string;
  /** JSON `{ key, params? }` when Aviso wrote the update (its words are worded when read); null for an operator's text. */
  generatedBody: string | null;
  createdAt: string;
  updatedAt: string;
  displayAt: string;
  deliverNotifications: number;
}

/** The components an update changed, with the name they had then. */
export interface IncidentUpdateComponentsTable {
  incidentUpdateId: string;
  componentId: string;
  position: number;
  name: string;
  oldStatus: string;
  newStatus: string;
}

/** The components currently attached to an incident or maintenance. */
export interface IncidentComponentsTable {
  incidentId: string;
  componentId: string;
  position: number;
}

export interface JobsTable {
  id: Generated<number>;
  name: string;
  payload: string;
  status: string;
  runAt: string;
  attempts: number;
  maxAttempts: number;
  lockedBy: string | null;
  lockedUntil: string | null;
  lastError: string | null;
  idempotencyKey: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface ApiKeysTable {
  id: string;
  name: string;
  scope: string;
  prefix: string;
  /** SHA-256 of the whole key, hex; the key itself is never stored. */
  keyHash: string;
  createdAt: string;
  createdBy: string | null;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

export interface UsersTable {
  id: string;
  /** Lower-cased. */
  email: string;
  name: string;
  role: string;
  /** `scrypt$N$r$p$salt$hash`: the parameters travel with the hash. */
  passwordHash: string;
  createdAt: string;
  updatedAt: string;
  lastLoginAt: string | null;
  /** Base32 TOTP secret; in force only once `totpEnabledAt` is set. */
  totpSecret: string | null;
  totpEnabledAt: string | null;
  /** JSON array of the SHA-256 hashes of unused recovery codes. */
  recoveryCodeHashes: string | null;
  /** The 30-second step of the last authenticator code used to log in; earlier and equal steps are refused. */
  totpLastStep: number | string | null;
  /** The locale the member reads the admin in; null follows their browser's languages. */
  locale: string | null;
}

export interface SessionsTable {
  /** SHA-256 of the session cookie's token. */
  tokenHash: string;
  userId: string;
  csrfToken: string;
  createdAt: string;
  lastSeenAt: string;
  expiresAt: string;
  /** How the session was opened: `password`, `passkey` or `oidc`; null for sessions opened before it was recorded (password). */
  loginMethod: string | null;
}

/** A member's passkey (a WebAuthn credential). */
export interface PasskeysTable {
  id: string;
  userId: string;
  /** The credential id the authenticator chose, base64url. */
  credentialId: string;
  /** The COSE public key, base64url. */
  publicKey: string;
  /** The authenticator's signature counter at its last use (0 for authenticators that keep none). */
  counter: number | string;
  /** JSON array of the transports the browser named (`internal`, `usb`, `hybrid`, …). */
  transports: string;
  name: string;
  createdAt: string;
  lastUsedAt: string | null;
}

/** A challenge handed to a browser for registering or using a passkey; deleted when used, refused once expired. */
export interface WebauthnChallengesTable {
  /** base64url, as the browser returns it in its client data. */
  challenge: string;
  /** `register` or `log_in`. */
  purpose: string;
  /** Who registers; null for a login, where the passkey names the member. */
  userId: string | null;
  /** The client address that asked for it. */
  ip: string;
  expiresAt: string;
}

/** Team-wide account rules; one row (`id` = `team`), absent while every rule is off. */
export interface TeamSettingsTable {
  id: string;
  /** 1: members who log in with a password must have a second factor before anything else. */
  requireTwoFactor: number;
  updatedAt: string;
}

/** One-time links: the first owner's setup and team invites. */
export interface AccountTokensTable {
  tokenHash: string;
  kind: string;
  email: string | null;
  role: string;
  createdBy: string | null;
  createdAt: string;
  expiresAt: string;
  usedAt: string | null;
}

export interface LoginAttemptsTable {
  id: Generated<number>;
  email: string;
  ip: string;
  succeeded: number;
  at: string;
}

/** One "forgot password" form sent, by client address: the per-address limit counts them. */
export interface ResetRequestsTable {
  id: Generated<number>;
  ip: string;
  at: string;
}

export interface AuditEventsTable {
  id: Generated<number>;
  at: string;
  actorKind: string;
  actorId: string | null;
  actorName: string;
  action: string;
  entityType: string;
  entityId: string | null;
  /** JSON of the entity before and after the write; null when it did not exist. */
  before: string | null;
  after: string | null;
}

export interface IncidentTemplatesTable {
  id: string;
  name: string;
  title: string;
  body: string;
  updateStatus: string;
  /** JSON array of component ids. */
  componentIds: string;
  shouldSendNotifications: number;
  shouldTweet: number;
  groupId: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface SubscribersTable {
  id: string;
  /** email | webhook | slack | discord | teams */
  channel: string;
  address: string;
  addressKey: string;
  /** page | components | incident */
  scope: string;
  incidentId: string | null;
  /** unconfirmed | active | quarantined | unsubscribed */
  state: string;
  locale: string;
  /** Signs the confirm and manage links; a new key voids every link sent before. */
  tokenKey: string;
  signingSecret: string | null;
  notifyEmail: string | null;
  failureCount: number;
  lastFailureAt: string | null;
  lastError: string | null;
  confirmedAt: string | null;
  quarantinedAt: string | null;
  purgeAt: string | null;
  unsubscribedAt: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface SubscriberComponentsTable {
  subscriberId: string;
  componentId: string;
}

export interface SubscribeRequestsTable {
  id: Generated<number>;
  /** ip | address | mail */
  kind: string;
  key: string;
  at: string;
}

export interface DeliveriesTable {
  id: Generated<number>;
  idempotencyKey: string;
  eventId: string;
  eventKind: string;
  subscriberId: string;
  channel: string;
  /** pending | sending | sent | retrying | failed | skipped */
  status: string;
  attempts: number;
  messageId: string | null;
  claimedBy: string | null;
  lastError: string | null;
  createdAt: string;
  updatedAt: string;
  sentAt: string | null;
}

export interface MonitorsTable {
  id: string;
  name: string;
  kind: string;
  componentId: string | null;
  /** JSON: the kind's settings. */
  settings: string;
  intervalSeconds: number;
  timeoutMs: number;
  retries: number;
  failureThreshold: number;
  recoveryThreshold: number;
  failingStatus: string;
  degradedStatus: string;
  allowPrivate: number;
  paused: number;
  pushTokenHash: string | null;
  autoIncident: number;
  incidentTemplateId: string | null;
  /** 0/1: its response times are drawn under its component on the public page. */
  publicChart: number;
  createdAt: string;
  updatedAt: string;
}

export interface AlertReceiversTable {
  id: string;
  name: string;
  tokenHash: string;
  /** JSON: the receiver's rules. */
  rules: string;
  createdAt: string;
  updatedAt: string;
}

export interface AlertReceiptsTable {
  id: string;
  receiverId: string;
  receivedAt: string;
  format: string;
  fingerprint: string;
  firing: number;
  summary: string | null;
  /** JSON: the alert's labels. */
  labels: string;
  /** JSON: the ids of the components it moved. */
  componentIds: string;
}

export interface AlertIncidentsTable {
  receiverId: string;
  componentId: string;
  incidentId: string;
  status: string;
}

export interface MonitorStatesTable {
  monitorId: string;
  state: string;
  failures: number;
  successes: number;
  lastCheckedAt: string | null;
  lastOutcome: string | null;
  lastReason: string | null;
  lastDurationMs: number | null;
  lastPingAt: string | null;
  incidentId: string | null;
}

export interface MonitorResultsTable {
  id: Generated<number>;
  monitorId: string;
  checkedAt: string;
  outcome: string;
  durationMs: number | null;
  reason: string | null;
}

export interface MonitorRollupsTable {
  monitorId: string;
  /** `hour` or `day` (UTC). */
  period: string;
  periodStart: string;
  upCount: number;
  degradedCount: number;
  downCount: number;
  noDataCount: number;
  durationSumMs: number;
  durationCount: number;
  durationMaxMs: number;
}

export interface ComponentSignalsTable {
  componentId: string;
  source: string;
  sourceId: string;
  status: string;
  summary: string | null;
  raisedAt: string;
}

export interface ComponentAutomationTable {
  componentId: string;
  baselineStatus: string;
  appliedStatus: string;
}

export interface ComponentNoDataTable {
  id: Generated<number>;
  componentId: string;
  source: string;
  sourceId: string;
  fromAt: string;
  toAt: string;
}

export interface Database {
  pages: PagesTable;
  components: ComponentsTable;
  componentStatusChanges: ComponentStatusChangesTable;
  incidents: IncidentsTable;
  incidentUpdates: IncidentUpdatesTable;
  incidentUpdateComponents: IncidentUpdateComponentsTable;
  incidentComponents: IncidentComponentsTable;
  jobs: JobsTable;
  apiKeys: ApiKeysTable;
  users: UsersTable;
  sessions: SessionsTable;
  accountTokens: AccountTokensTable;
  loginAttempts: LoginAttemptsTable;
  resetRequests: ResetRequestsTable;
  teamSettings: TeamSettingsTable;
  passkeys: PasskeysTable;
  webauthnChallenges: WebauthnChallengesTable;
  auditEvents: AuditEventsTable;
  incidentTemplates: IncidentTemplatesTable;
  subscribers: SubscribersTable;
  subscriberComponents: SubscriberComponentsTable;
  subscribeRequests: SubscribeRequestsTable;
  deliveries: DeliveriesTable;
  monitors: MonitorsTable;
  monitorStates: MonitorStatesTable;
  monitorResults: MonitorResultsTable;
  monitorRollups: MonitorRollupsTable;
  componentSignals: ComponentSignalsTable;
  componentAutomation: ComponentAutomationTable;
  componentNoData: ComponentNoDataTable;
  alertReceivers: AlertReceiversTable;
  alertIncidents: AlertIncidentsTable;
  alertReceipts: AlertReceiptsTable;
  thirdPartySources: ThirdPartySourcesTable;
}
