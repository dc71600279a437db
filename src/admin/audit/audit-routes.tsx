import type { AppDeps } from '../../app-deps.ts';
import type { App } from '../../http/create-app.ts';
import { listAuditEvents, type AuditEvent } from '../../modules/audit/index.ts';
import { screen, show, type Screen } from '../admin-screen.tsx';
import { formatTime } from '../view/format.ts';

const pageSize = 50;

function json(value: unknown): string {
  return value === null || value === undefined ? '—' : JSON.stringify(value, null, 2);
}

function AuditScreen({ s, events, entityType, next }: { s: Screen; events: AuditEvent[]; entityType: string; next: string | null }) {
  const filter = entityType ? `&entityType=${encodeURIComponent(entityType)}` : '';
  return (
    <>
      <h1>Audit log</h1>
      <form method="get" action="/admin/audit" class="card actions">
        <label for="entityType">Only changes to</label>
        <select id="entityType" name="entityType" style="width:auto">
          {[
            ['', 'Everything'],
            ['incident', 'Incidents'],
            ['incident_update', 'Incident updates'],
            ['maintenance', 'Maintenance'],
            ['component', 'Components'],
            ['component_group', 'Component groups'],
            ['page', 'Page settings'],
            ['user', 'Team'],
            ['invite', 'Invitations'],
            ['api_key', 'API keys'],
          ].map(([value, label]) => (
            <option key={value} value={value} selected={value === entityType}>
              {label}
            </option>
          ))}
        </select>
        <button type="submit" class="secondary">
          Show
        </button>
      </form>
      {events.length === 0 ? (
        <p>Nothing recorded yet.</p>
      ) : (
        <ol class="items" aria-label="Changes, newest first">
          {events.map((e) => (
            <li key={e.id}>
              <p style="margin:0">
                <strong>{e.action}</strong> {e.entityId && <code>{e.entityId}</code>}
              </p>
              <p class="meta">
                {formatTime(e.at, s.page.timeZone)} · by {e.actor.name} ({e.actor.kind.replace('_', ' ')})
              </p>
              <details>
                <summary>Before and after</summary>
                <p>
                  <strong>Before</strong>
                </p>
                <pre class="diff">{json(e.before)}</pre>
                <p>
                  <strong>After</strong>
                </p>
                <pre class="diff">{json(e.after)}</pre>
              </details>
            </li>
          ))}
        </ol>
      )}
      <nav class="pager" aria-label="Audit log pages">
        {s.notice === undefined && next !== null && <a href={`/admin/audit?before=${encodeURIComponent(next)}${filter}`}>Older changes</a>}
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
    return show(reply, s, 'Audit log', 'audit', <AuditScreen s={s} events={shown} entityType={entityType} next={next} />);
  });
}
