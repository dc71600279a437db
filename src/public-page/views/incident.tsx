import { formatInstantRange } from '../../i18n/format-dates.ts';
import type { IncidentModel } from '../page-model.ts';
import { Layout } from './layout.tsx';
import { Timeline } from './timeline.tsx';
import type { ViewContext } from './view-context.ts';
import { webMessage } from '../../subscriptions-web/web-messages.ts';

/** `/incidents/:id`: name, impact, affected components, the timeline with the postmortem first. */
export function IncidentView({ view, model }: { view: ViewContext; model: IncidentModel }) {
  const { t } = view;
  const { event } = model;
  const schedule = event.schedule;
  return (
    <Layout view={view} title={t('meta.incidentTitle', { incident: event.name, page: model.page.name })} section="incident">
      <article class={`incident impact-${event.impact}`}>
        <h1 class="incident-name" dir="auto">
          {event.name}
        </h1>
        <p class="event-meta">
          <span class="impact">{t(`impact.${event.impact}`)}</span>
          {schedule !== null && (
            <>
              {' · '}
              {t('incident.window', {
                range: formatInstantRange(view.locale, view.page.timeZone, schedule.scheduledFor, schedule.scheduledUntil),
              })}
            </>
          )}
        </p>
        {model.affected.length > 0 && (
          <p class="affected">
            {t(event.kind === 'maintenance' ? 'incident.maintenanceAffects' : 'incident.affected', {
              components: new Intl.ListFormat(view.locale, { type: 'conjunction' }).format(model.affected),
            })}
          </p>
        )}
        {event.kind === 'incident' &&
          event.status !== 'resolved' &&
          event.status !== 'postmortem' &&
          view.page.settings.allowSubscribers !== false && (
            <p class="incident-subscribe">
              <a class="subscribe-button" href={`/subscriptions/new?incident=${event.id}`}>
                {webMessage(view.locale, 'subscribeToIncident')}
              </a>
            </p>
          )}
        <h2 class="visually-hidden">{t('incident.updates')}</h2>
        <Timeline view={view} event={event} headingLevel={3} />
      </article>
      <p class="more">
        <a href="/">
          <span class="arrow" aria-hidden="true">
            ←
          </span>{' '}
          {t('incident.back')}
        </a>
      </p>
    </Layout>
  );
}
