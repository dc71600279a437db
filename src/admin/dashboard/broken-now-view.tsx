import type { Screen } from '../admin-screen.tsx';
import { StatusBadge } from '../components/component-views.tsx';
import { ImpactBadge, IncidentSummary } from '../incidents/incident-views.tsx';
import type { MessageKey } from '../../i18n/translate.ts';
import type { MonitorView } from '../../modules/monitors/index.ts';
import { eventStatusLabel, formatTime } from '../view/format.ts';
import type { BrokenNow } from './broken-now.ts';

const monitorStates: Record<MonitorView['status']['state'], MessageKey> = {
  down: 'adminDashboard.monitorDown',
  degraded: 'adminDashboard.monitorDegraded',
  up: 'adminDashboard.monitorUp',
  unknown: 'adminDashboard.monitorUnknown',
};

/** The dashboard's first section: everything not working now, or one line saying all is well. */
export function BrokenNowSection({ s, broken }: { s: Screen; broken: BrokenNow }) {
  const t = s.t;
  return (
    <section class="card" aria-labelledby="broken-now" data-broken-now>
      <h2 id="broken-now" style="margin-top:0">
        {t('adminDashboard.brokenNow')}
      </h2>
      {broken.allClear ? (
        <p class="overall i-none">{t('adminDashboard.allClear')}</p>
      ) : (
        <div class="grid two">
          {broken.components.length > 0 && (
            <div>
              <h3>{t('adminDashboard.componentsDown')}</h3>
              <ul>
                {broken.components.map(({ component, name }) => (
                  <li key={component.id}>
                    <span dir="auto">{name}</span> <StatusBadge status={component.status} />
                  </li>
                ))}
              </ul>
            </div>
          )}
          {broken.openIncidents.length > 0 && (
            <div>
              <h3>{t('adminDashboard.openIncidents')}</h3>
              <ul class="items">
                {broken.openIncidents.map((incident, index) => (
                  <li key={incident.id}>
                    <h4 style="margin:0">
                      <a href={`/admin/incidents/${incident.id}`} dir="auto">
                        {incident.name}
                      </a>
                    </h4>
                    <p class="meta">
                      {eventStatusLabel(t, incident.status)} · <ImpactBadge incident={incident} /> ·{' '}
                      {t('adminDashboard.started', { time: formatTime(incident.startedAt, s.page.timeZone, s.locale) })}
                    </p>
                    {s.can('post_incidents') && (
                      <a href={`/admin/incidents/${incident.id}#post-update`} data-shortcut={index === 0 ? 'u' : undefined}>
                        {t('adminDashboard.postUpdate')}
                        <span class="sr-only"> {t('adminDashboard.postUpdateOn', { name: incident.name })}</span>
                      </a>
                    )}
                  </li>
                ))}
              </ul>
            </div>
          )}
          {broken.runningMaintenances.length > 0 && (
            <div>
              <h3>{t('adminDashboard.maintenanceInProgress')}</h3>
              <ul class="items">
                {broken.runningMaintenances.map((maintenance) => (
                  <IncidentSummary key={maintenance.id} s={s} incident={maintenance} />
                ))}
              </ul>
            </div>
          )}
          {broken.failingMonitors.length > 0 && (
            <div>
              <h3>{t('adminDashboard.failingMonitors')}</h3>
              <ul>
                {broken.failingMonitors.map(({ monitor, status }) => (
                  <li key={monitor.id}>
                    <a href={`/admin/monitors/${monitor.id}`} dir="auto">
                      {monitor.name}
                    </a>{' '}
                    <strong class={status.state === 'down' ? 's-major_outage' : 's-degraded_performance'}>
                      {t(monitorStates[status.state])}
                    </strong>
                    {status.lastReason !== null && <span class="meta"> · {status.lastReason}</span>}
                    {status.lastCheckedAt !== null && (
                      <span class="meta">
                        {' '}
                        · {t('adminDashboard.lastChecked', { time: formatTime(status.lastCheckedAt, s.page.timeZone, s.locale) })}
                      </span>
                    )}
                  </li>
                ))}
              </ul>
            </div>
          )}
        </div>
      )}
    </section>
  );
}
