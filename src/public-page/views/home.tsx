import type { Incident } from '../../modules/incidents/index.ts';
import { formatDateTime, formatDay, formatInstantRange } from '../../i18n/format-dates.ts';
import type { ComponentRow, HomeModel } from '../page-model.ts';
import type { LatestIncident } from '../history-model.ts';
import { barSpans } from '../day-bars-model.ts';
import { DayBarsView } from './day-bars.tsx';
import { ResponseChartView } from './response-chart.tsx';
import { Layout } from './layout.tsx';
import { Icon, StatusText, UnknownStatusText } from './status-icon.tsx';
import { Timeline } from './timeline.tsx';
import type { ViewContext } from './view-context.ts';

const indicatorIcon = { none: 'ok', minor: 'degraded', major: 'partial', critical: 'major', maintenance: 'maintenance' } as const;
/** The impact's shape beside its words in an event's coloured header: never colour alone. */
export const impactIcon = { none: 'info', minor: 'degraded', major: 'partial', critical: 'major', maintenance: 'maintenance' } as const;

/** An open event as a box whose header is filled with the impact's colour: icon, impact, name; then the window and the updates, newest first. */
function EventBox({ view, event }: { view: ViewContext; event: Incident }) {
  const schedule = event.schedule;
  return (
    <article class={`event impact-${event.impact}`}>
      <header class="event-head">
        <p class="event-impact">
          <Icon name={impactIcon[event.impact]} />
          <span class="impact">{view.t(`impact.${event.impact}`)}</span>
        </p>
        <h3 class="event-name">
          <a href={`/incidents/${event.id}`} dir="auto">
            {event.name}
          </a>
        </h3>
      </header>
      <div class="event-body">
        {schedule !== null && (
          <p class="event-meta">
            {view.t('home.window', {
              range: formatInstantRange(view.locale, view.page.timeZone, schedule.scheduledFor, schedule.scheduledUntil),
            })}
          </p>
        )}
        <Timeline view={view} event={event} headingLevel={4} />
      </div>
    </article>
  );
}

function ComponentItem({ view, row, grouped }: { view: ViewContext; row: ComponentRow; grouped: boolean }) {
  const c = row.component;
  return (
    <li class={`component${grouped ? ' child' : ''}`}>
      <div class="component-head">
        <span class="component-title">
          <span class="component-name" dir="auto">
            {c.name}
          </span>
          {c.description !== null && (
            <span class="component-about">
              {' '}
              <button type="button" class="about-button" aria-describedby={`about-${c.id}`}>
                <Icon name="info" />
                <span class="visually-hidden">{view.t('home.aboutComponent', { component: c.name })}</span>
              </button>
            </span>
          )}
          {c.description !== null && (
            <span class="component-description" role="tooltip" id={`about-${c.id}`} dir="auto">
              {c.description}
            </span>
          )}
        </span>
        {c.statusUnknownSince === null ? (
          <StatusText status={c.status} label={view.t(`status.${c.status}`)} />
        ) : (
          <UnknownStatusText
            label={view.t('status.unknownSince', { since: formatDateTime(view.locale, view.page.timeZone, c.statusUnknownSince) })}
          />
        )}
      </div>
      {row.bars !== null && <DayBarsView view={view} bars={row.bars} name={c.name} id={c.id} />}
      {row.chart !== null && <ResponseChartView view={view} chart={row.chart} name={c.name} id={c.id} />}
    </li>
  );
}

function GroupItem({ view, row }: { view: ViewContext; row: ComponentRow }) {
  const c = row.component;
  const degraded = c.status !== 'operational';
  return (
    <li class="component group">
      <details open={degraded}>
        <summary class="component-head">
          <span class="component-name">
            <bdi>{c.name}</bdi> <span class="count">({view.t('home.groupCount', { count: row.children.length })})</span>
          </span>
          <StatusText status={c.status} label={view.t(`status.${c.status}`)} />
        </summary>
        <ul class="components">
          {row.children.map((child) => (
            <ComponentItem view={view} row={child} grouped />
          ))}
        </ul>
      </details>
      {row.bars !== null && <DayBarsView view={view} bars={row.bars} name={c.name} id={c.id} />}
    </li>
  );
}

/** `/`: the banner or the open incidents, maintenance, components with their bars, the last 15 days. */
export function HomeView({ view, model, latest = null }: { view: ViewContext; model: HomeModel; latest?: LatestIncident | null }) {
  const { t } = view;
  const { overall } = model;
  const showsBars = model.rows.some((r) => r.bars !== null || r.children.some((c) => c.bars !== null));
  return (
    <Layout view={view} title={t('meta.title', { page: model.page.name })} section="current">
      <h1 class="visually-hidden">{t('meta.title', { page: model.page.name })}</h1>
      {model.unresolved.length === 0 ? (
        <p class={`banner indicator-${overall.indicator}`} role="status">
          <Icon name={indicatorIcon[overall.indicator]} />
          <span>{t(`overall.${overall.key}`)}</span>
          {model.unknownCount > 0 && <span class="banner-note">{t('home.unknownCount', { count: model.unknownCount })}</span>}
        </p>
      ) : (
        <section aria-labelledby="ongoing" class="ongoing">
          <h2 id="ongoing">{t('home.ongoing')}</h2>
          {model.unresolved.map((event) => (
            <EventBox view={view} event={event} />
          ))}
        </section>
      )}
      {model.activeMaintenances.length > 0 && (
        <section aria-labelledby="active-maintenance">
          <h2 id="active-maintenance">{t('home.activeMaintenance')}</h2>
          {model.activeMaintenances.map((event) => (
            <EventBox view={view} event={event} />
          ))}
        </section>
      )}
      {model.upcomingMaintenances.length > 0 && (
        <section aria-labelledby="upcoming-maintenance">
          <h2 id="upcoming-maintenance">{t('home.upcomingMaintenance')}</h2>
          {model.upcomingMaintenances.map((event) => (
            <EventBox view={view} event={event} />
          ))}
        </section>
      )}
      <section aria-labelledby="components">
        <h2 id="components">{t('home.components')}</h2>
        {showsBars && (
          <p class="bars-intro">
            {barSpans.map((span) => (
              <span class={`span-${span}`}>{t('home.uptimeIntro', { days: span })}</span>
            ))}{' '}
            <a href="/uptime">{t('home.uptimeLink')}</a>
          </p>
        )}
        <ul class="components">
          {model.rows.map((row) =>
            row.component.isGroup ? <GroupItem view={view} row={row} /> : <ComponentItem view={view} row={row} grouped={false} />,
          )}
        </ul>
      </section>
      <section aria-labelledby="past" class="past">
        <h2 id="past">{t('home.pastIncidents')}</h2>
        {model.pastDays.map((day, i) => (
          <div class="past-day">
            <h3>
              <time dateTime={day.date}>{formatDay(view.locale, day.date)}</time>
            </h3>
            {day.events.length === 0 ? (
              <p class="none">{i === 0 ? t('home.noIncidentsToday') : t('home.noIncidentsDay')}</p>
            ) : (
              day.events.map((event) => (
                <article class={`past-event impact-${event.impact}`}>
                  <h4>
                    <a href={`/incidents/${event.id}`} dir="auto">
                      {event.name}
                    </a>
                  </h4>
                  <Timeline view={view} event={event} headingLevel={5} />
                </article>
              ))
            )}
          </div>
        ))}
        {latest !== null && (
          <p class="latest-incident">
            {t('history.latestIncident')}{' '}
            <a href={`/incidents/${latest.id}`}>
              <bdi>{latest.name}</bdi>, <time dateTime={latest.date}>{formatDay(view.locale, latest.date)}</time>
            </a>
          </p>
        )}
        <p class="more">
          <a href="/history">
            <span class="arrow" aria-hidden="true">
              ←
            </span>{' '}
            {t('home.historyLink')}
          </a>
        </p>
      </section>
    </Layout>
  );
}
