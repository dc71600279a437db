import type { Incident } from '../../modules/incidents/index.ts';
import { formatMonth, formatMonthRange } from '../../i18n/format-dates.ts';
import { pageOfMonth, type HistoryModel } from '../history-model.ts';
import { MonthJump } from './month-jump.tsx';
import { Layout } from './layout.tsx';
import { Timeline } from './timeline.tsx';
import type { ViewContext } from './view-context.ts';

/** Months with more events than this show the rest behind "Show all". */
export const eventsShownPerMonth = 5;

function HistoryEvent({ view, event }: { view: ViewContext; event: Incident }) {
  return (
    <article class={`past-event impact-${event.impact}`}>
      <h3>
        <a href={`/incidents/${event.id}`} dir="auto">
          {event.name}
        </a>
      </h3>
      <Timeline view={view} event={event} headingLevel={4} />
    </article>
  );
}

/** The pager: "Previous" goes back in time, "Next" forward, as Statuspage's history does. */
export function Pager({
  view,
  label,
  range,
  pageNumber,
  pageCount,
  href,
}: {
  view: ViewContext;
  label: string;
  range: string;
  pageNumber: number;
  pageCount: number;
  href: (n: number) => string;
}) {
  const { t } = view;
  return (
    <nav class="pager" aria-label={label}>
      {pageNumber < pageCount ? (
        <a href={href(pageNumber + 1)} rel="prev">
          <span class="arrow" aria-hidden="true">
            ←
          </span>{' '}
          {t('history.previous')}
        </a>
      ) : (
        <span />
      )}
      <span class="pager-range">{range}</span>
      {pageNumber > 1 ? (
        <a href={href(pageNumber - 1)} rel="next">
          {t('history.next')}{' '}
          <span class="arrow" aria-hidden="true">
            →
          </span>
        </a>
      ) : (
        <span />
      )}
    </nav>
  );
}

/** `/history`: three months per page, newest first, an explicit line for a month without events. */
export function HistoryView({ view, model }: { view: ViewContext; model: HistoryModel }) {
  const { t } = view;
  const newest = model.months[0]?.month ?? '';
  const oldest = model.months[model.months.length - 1]?.month ?? '';
  const range = formatMonthRange(view.locale, oldest, newest);
  const href = (n: number) => (n === 1 ? '/history' : `/history?page=${n}`);
  return (
    <Layout view={view} title={t('meta.historyTitle', { page: model.page.name })} section="history">
      <h1>{t('history.title')}</h1>
      <MonthJump
        view={view}
        months={model.allMonths}
        shown={model.months.map((m) => m.month)}
        latest={model.months.some((m) => m.events.length > 0) ? null : model.latest}
        href={(month) => {
          const n = pageOfMonth(model.currentMonth, month);
          return `${n === 1 ? '/history' : `/history?page=${n}`}#m-${month}`;
        }}
      />
      <p class="pager-range">{range}</p>
      {model.months.map(({ month, events }) => (
        <section class="month" aria-labelledby={`m-${month}`}>
          <h2 id={`m-${month}`}>
            <time dateTime={month}>{formatMonth(view.locale, month)}</time>
          </h2>
          {events.length === 0 ? (
            <p class="none">{t('history.emptyMonth')}</p>
          ) : (
            <>
              {events.slice(0, eventsShownPerMonth).map((event) => (
                <HistoryEvent view={view} event={event} />
              ))}
              {events.length > eventsShownPerMonth && (
                <details class="show-all">
                  <summary>{t('history.showAll', { count: events.length })}</summary>
                  {events.slice(eventsShownPerMonth).map((event) => (
                    <HistoryEvent view={view} event={event} />
                  ))}
                </details>
              )}
            </>
          )}
        </section>
      ))}
      <Pager view={view} label={t('history.pages')} range={range} pageNumber={model.pageNumber} pageCount={model.pageCount} href={href} />
    </Layout>
  );
}
