import type { Migration } from 'kysely';
import * as createPages from './0001-create-pages.ts';
import * as createComponents from './0002-create-components.ts';
import * as createIncidents from './0003-create-incidents.ts';
import * as createJobs from './0004-create-jobs.ts';
import * as createApiKeys from './0005-create-api-keys.ts';
import * as createUsers from './0006-create-users.ts';
import * as createAuditEvents from './0007-create-audit-events.ts';
import * as createIncidentTemplates from './0008-create-incident-templates.ts';
import * as createSubscribers from './0010-create-subscribers.ts';
import * as createDeliveries from './0011-create-deliveries.ts';
import * as mirrorThirdPartySources from './0030-mirror-third-party-sources.ts';
import * as createMonitors from './0040-create-monitors.ts';
import * as monitorIncidentTemplates from './0042-monitor-incident-templates.ts';
import * as createAlertReceivers from './0045-create-alert-receivers.ts';
import * as createAlertIncidents from './0046-create-alert-incidents.ts';
import * as createAlertReceipts from './0047-create-alert-receipts.ts';
import * as updateBodiesAsKeys from './0050-update-bodies-as-keys.ts';
import * as incidentTranslations from './0051-incident-translations.ts';
import * as forgetOutboundErrorDetails from './0070-forget-outbound-error-details.ts';
import * as addTwoFactor from './0075-add-two-factor.ts';
import * as rememberLastTotpStep from './0086-remember-last-totp-step.ts';
import * as monitorJsonAssertions from './0087-monitor-json-assertions.ts';
import * as monitorPublicChart from './0088-monitor-public-chart.ts';
import * as limitResetsAndRequireTwoFactor from './0090-limit-resets-and-require-two-factor.ts';
import * as createPasskeys from './0091-create-passkeys.ts';
import * as componentTranslations from './0092-component-translations.ts';
import * as memberLanguage from './0093-member-language.ts';

/** The one list of migrations, in order, for both SQLite and PostgreSQL. Append only. */
export const migrations: Record<string, Migration> = {
  '0001-create-pages': createPages,
  '0002-create-components': createComponents,
  '0003-create-incidents': createIncidents,
  '0004-create-jobs': createJobs,
  '0005-create-api-keys': createApiKeys,
  '0006-create-users': createUsers,
  '0007-create-audit-events': createAuditEvents,
  '0008-create-incident-templates': createIncidentTemplates,
  '0010-create-subscribers': createSubscribers,
  '0011-create-deliveries': createDeliveries,
  '0030-mirror-third-party-sources': mirrorThirdPartySources,
  '0040-create-monitors': createMonitors,
  '0042-monitor-incident-templates': monitorIncidentTemplates,
  '0045-create-alert-receivers': createAlertReceivers,
  '0046-create-alert-incidents': createAlertIncidents,
  '0047-create-alert-receipts': createAlertReceipts,
  '0050-update-bodies-as-keys': updateBodiesAsKeys,
  '0051-incident-translations': incidentTranslations,
  '0070-forget-outbound-error-details': forgetOutboundErrorDetails,
  '0075-add-two-factor': addTwoFactor,
  '0086-remember-last-totp-step': rememberLastTotpStep,
  '0087-monitor-json-assertions': monitorJsonAssertions,
  '0088-monitor-public-chart': monitorPublicChart,
  '0090-limit-resets-and-require-two-factor': limitResetsAndRequireTwoFactor,
  '0091-create-passkeys': createPasskeys,
  '0092-component-translations': componentTranslations,
  '0093-member-language': memberLanguage,
};
