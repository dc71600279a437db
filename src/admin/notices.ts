import { t, type MessageKey } from '../i18n/translate.ts';
import type { Locale } from '../shared/locales.ts';

/** Confirmations shown after a redirect; the URL carries only the key, never the text (the catalogue's `adminNotice.*`). */
const notices: Record<string, MessageKey> = {
  'incident-opened': 'adminNotice.incidentOpened',
  'incident-backfilled': 'adminNotice.incidentBackfilled',
  'incident-updated': 'adminNotice.incidentUpdated',
  'incident-resolved': 'adminNotice.incidentResolved',
  'incident-edited': 'adminNotice.incidentEdited',
  'incident-deleted': 'adminNotice.incidentDeleted',
  'update-edited': 'adminNotice.updateEdited',
  'postmortem-saved': 'adminNotice.postmortemSaved',
  'postmortem-published': 'adminNotice.postmortemPublished',
  'postmortem-reverted': 'adminNotice.postmortemReverted',
  'maintenance-scheduled': 'adminNotice.maintenanceScheduled',
  'maintenance-updated': 'adminNotice.maintenanceUpdated',
  'maintenance-deleted': 'adminNotice.maintenanceDeleted',
  'component-created': 'adminNotice.componentCreated',
  'component-saved': 'adminNotice.componentSaved',
  'component-deleted': 'adminNotice.componentDeleted',
  'component-moved': 'adminNotice.componentMoved',
  'status-changed': 'adminNotice.statusChanged',
  'status-held': 'adminNotice.statusHeld',
  'interval-saved': 'adminNotice.intervalSaved',
  'status-released': 'adminNotice.statusReleased',
  'group-created': 'adminNotice.groupCreated',
  'settings-saved': 'adminNotice.settingsSaved',
  'member-invited': 'adminNotice.memberInvited',
  'member-updated': 'adminNotice.memberUpdated',
  'member-removed': 'adminNotice.memberRemoved',
  'key-revoked': 'adminNotice.keyRevoked',
  'template-saved': 'adminNotice.templateSaved',
  'monitor-saved': 'adminNotice.monitorSaved',
  'monitor-paused': 'adminNotice.monitorPaused',
  'monitor-resumed': 'adminNotice.monitorResumed',
  'monitor-deleted': 'adminNotice.monitorDeleted',
  'receiver-saved': 'adminNotice.receiverSaved',
  'receiver-deleted': 'adminNotice.receiverDeleted',
  'template-deleted': 'adminNotice.templateDeleted',
  welcome: 'adminNotice.welcome',
  'logged-out': 'adminNotice.loggedOut',
  'password-reset': 'adminNotice.passwordReset',
  'two-factor-off': 'adminNotice.twoFactorOff',
  'passkey-added': 'adminNotice.passkeyAdded',
  'passkey-removed': 'adminNotice.passkeyRemoved',
  'two-factor-required': 'adminNotice.twoFactorRequired',
  'team-two-factor-on': 'adminNotice.teamTwoFactorOn',
  'team-two-factor-off': 'adminNotice.teamTwoFactorOff',
};

export function noticeText(key: unknown, locale: Locale): string | undefined {
  const message = typeof key === 'string' && Object.hasOwn(notices, key) ? notices[key] : undefined;
  return message === undefined ? undefined : t(locale, message);
}
