/** Confirmations shown after a redirect; the URL carries only the key, never the text. */
const notices: Record<string, string> = {
  'incident-opened': 'The incident is open and shown on the public page.',
  'incident-backfilled': 'The past incident was added to the history.',
  'incident-updated': 'The update is posted.',
  'incident-resolved': 'The incident is resolved.',
  'incident-edited': 'The incident is saved.',
  'incident-deleted': 'The incident is deleted.',
  'update-edited': 'The update is corrected.',
  'postmortem-saved': 'The postmortem draft is saved. Visitors do not see it until you publish it.',
  'postmortem-published': 'The postmortem is published.',
  'postmortem-reverted': 'The postmortem is back to draft.',
  'maintenance-scheduled': 'The maintenance is scheduled.',
  'maintenance-updated': 'The maintenance is updated.',
  'maintenance-deleted': 'The maintenance is deleted.',
  'component-created': 'The component is added.',
  'component-saved': 'The component is saved.',
  'component-deleted': 'The component is deleted.',
  'component-moved': 'The order is saved.',
  'status-changed': 'The status is changed.',
  'group-created': 'The group is created.',
  'settings-saved': 'The page settings are saved.',
  'member-invited': 'The invitation is ready.',
  'member-updated': 'The role is changed.',
  'member-removed': 'The member is removed.',
  'key-revoked': 'The API key is revoked; requests using it are refused from now on.',
  'template-saved': 'The template is saved.',
  'monitor-saved': 'The monitor is saved; its next check runs in its slot.',
  'monitor-paused': 'The monitor is paused; its component got back the status it had before the monitor changed it.',
  'monitor-resumed': 'The monitor is checking again.',
  'monitor-deleted': 'The monitor is deleted.',
  'template-deleted': 'The template is deleted.',
  welcome: 'Welcome to Aviso.',
  'logged-out': 'You are logged out.',
};

export function noticeText(key: unknown): string | undefined {
  return typeof key === 'string' ? notices[key] : undefined;
}
