import type { AppDeps } from '../../app-deps.ts';
import type { MessageKey } from '../../i18n/translate.ts';
import type { App } from '../../http/create-app.ts';
import { listAuditEvents, type AuditEvent } from '../../modules/audit/index.ts';
import { screen, show, type Screen } from '../admin-screen.tsx';
import { formatTime } from '../view/format.ts';

const pageSize = 50;

function json(value: unknown): string {
  return value === null || value === undefined ? '—' : JSON.stringify(value, null, 2);
}

/** What the log can be narrowed to, each with the key of its name. */
const entityTypes: [string, MessageKey][] = [
  ['', 'adminAudit.everything'],
  ['incident', 'adminAudit.typeIncident'],
  ['incident_update', 'adminAudit.typeIncidentUpdate'],
  ['maintenance', 'adminAudit.typeMaintenance'],
  ['component', 'adminAudit.typeComponent'],
  ['component_group', 'adminAudit.typeComponentGroup'],
  ['page', 'adminAudit.typePage'],
  ['user', 'adminAudit.typeUser'],
  ['invite', 'adminAudit.typeInvite'],
  ['api_key', 'adminAudit.typeApiKey'],
];

const actorKinds: Record<AuditEvent['actor']['kind'], MessageKey> = {
  user: 'adminAudit.actorUser',
  api_key: 'adminAudit.actorApiKey',
  system: 'adminAudit.actorSystem',
};

function AuditScreen({ s, events, entityType, next }: { s: Screen; events: AuditEvent[]; entityType: string; next: string | null }) {
  const t = s.t;
  const filter = entityType ? `&entityType=${encodeURIComponent(entityType)}` : '';
  return (
    <>
      <h1>{t('adminAudit.title')}</h1>
      <form method="get" action="/admin/audit" class="card actions">
        <label for="entityType">{t('adminAudit.onlyChangesTo')}</label>
        <select id="entityType" name="entityType" style="width:auto">
          {entityTypes.map(([value, label]) => (
            <option key={value} value={value} selected={value === entityType}>
              {t(label)}
            </option>
          ))}
        </select>
        <button type="submit" class="secondary">
          {t('adminAudit.show')}
        </button>
      </form>
      {events.length === 0 ? (
        <p>{t('adminAudit.empty')}</p>
      ) : (
        <ol class="items" aria-label={t('adminAudit.listLabel')}>
          {events.map((e) => (
            <li key={e.id}>
              <p style="margin:0">
                <strong>{e.action}</strong> {e.entityId && <code>{e.entityId}</code>}
              </p>
              <p class="meta">
                {formatTime(e.at, s.page.timeZone, s.locale)} ·{' '}
                {t('adminAudit.by', { name: e.actor.name, kind: t(actorKinds[e.actor.kind]) })}
              </p>
              <details>
                <summary>{t('adminAudit.beforeAndAfter')}</summary>
                <p>
                  <strong>{t('adminAudit.before')}</strong>
                </p>
                <pre class="diff">{json(e.before)}</pre>
                <p>
                  <strong>{t('adminAudit.after')}</strong>
                </p>
                <pre class="diff">{json(e.after)}</pre>
              </details>
            </li>
          ))}
        </ol>
      )}
      <nav class="pager" aria-label={t('adminAudit.pagesLabel')}>
        {s.notice === undefined && next !== null && (
          <a href={`/admin/audit?before=${encodeURIComponent(next)}${filter}`}>{t('adminAudit.older')}</a>
        )}
      </nav>
    </>
  );
}

/** The audit log: who changed what and when, with the before and after, newest first. */
export function registerAuditRoutes(scope: App, deps: AppDeps): void {
  scope.get<{ Querystring: { before?: string; entityType?: string } }>('/audit', async (request, reply) => {
    const s = await screen(deps, request);
    const entityType = request.query.entityType ?? '';
    const events = await listAuditEvents(
      s.ctx,
      { limit: pageSize + 1, ...(request.query.before && { before: request.query.before }), ...(entityType && { entityType }) },
      // Where members logged in from is for those who manage the team: owners and admins.
      { withAddresses: s.can('manage_team') },
    );
    const shown = events.slice(0, pageSize);
    const next = events.length > pageSize ? (shown[shown.length - 1]?.id ?? null) : null;
    return show(reply, s, s.t('adminAudit.title'), 'audit', <AuditScreen s={s} events={shown} entityType={entityType} next={next} />);
  });
}
