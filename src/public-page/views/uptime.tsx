import { formatDay, formatMonth, formatMonthRange, formatPercent, formatShortMonth } from '../../i18n/format-dates.ts';
import type { UptimeFigure } from '../../modules/uptime/index.ts';
import { legendFills, type UptimeModel } from '../uptime-model.ts';
import { pageOfMonth } from '../history-model.ts';
import { MonthJump } from './month-jump.tsx';
import { localDate } from '../../modules/uptime/index.ts';
import { dayLines } from './day-bars.tsx';
import { Pager } from './history.tsx';
import { Layout } from './layout.tsx';
import { Icon, levelIcon } from './status-icon.tsx';
import type { ViewContext } from './view-context.ts';

const levels = ['operational', 'minor', 'partial', 'major', 'no-data'] as const;

function figure(view: ViewContext, value: UptimeFigure): string {
  return value.percent === null ? view.t('uptime.noData') : formatPercent(view.locale, value.percent);
}

/** Weekday offset of a month's first day, weeks starting on Monday (Sunday in English). */
function leadingBlanks(month: string, locale: string): number {
  const weekday = new Date(`${month}-01T12:00:00Z`).getUTCDay();
  return locale === 'en' ? weekday : (weekday + 6) % 7;
}

/** `/uptime`: monthly figures of every showcased component, and calendars of the chosen one. */
export function UptimeView({ view, model }: { view: ViewContext; model: UptimeModel }) {
  const { t } = view;
  // Oldest first, left to right, as a calendar reads.
  const months = [...(model.summary[0]?.months.map((m) => m.month) ?? [])].reverse();
  const range = months.length > 0 ? formatMonthRange(view.locale, months[0] as string, months[months.length - 1] as string) : '';
  const selectedId = model.selected?.component.id;
  // Days after today have not happened: shown blank, never as "no data".
  const today = localDate(view.now.getTime(), model.page.timeZone);
  const href = (n: number) => {
    const query = new URLSearchParams();
    if (selectedId !== undefined) query.set('component', selectedId);
    if (n > 1) query.set('page', String(n));
    const s = query.toString();
    return s === '' ? '/uptime' : `/uptime?${s}`;
  };
  return (
    <Layout view={view} title={t('meta.uptimeTitle', { page: model.page.name })} section="uptime">
      <h1>{t('uptime.title')}</h1>
      {model.selected === null ? (
        <p class="none">{t('uptime.none')}</p>
      ) : (
        <>
          <form class="picker" method="get" action="/uptime">
            <label for="component">{t('uptime.component')}</label>
            <select id="component" name="component">
              {model.summary.map((s) => (
                <option value={s.component.id} selected={s.component.id === selectedId}>
                  {s.label}
                </option>
              ))}
            </select>
            {model.pageNumber > 1 && <input type="hidden" name="page" value={String(model.pageNumber)} />}
            <button type="submit">{t('uptime.show')}</button>
          </form>
          <MonthJump
            view={view}
            months={model.allMonths}
            shown={months}
            latest={model.latest !== null && !months.includes(model.latest.month) ? model.latest : null}
            href={(month) => `${href(pageOfMonth(model.currentMonth, month))}#c-${month}`}
          />
          <Pager
            view={view}
            label={t('uptime.pages')}
            range={range}
            pageNumber={model.pageNumber}
            pageCount={model.pageCount}
            href={href}
          />
          <section aria-labelledby="calendars">
            <h2 id="calendars">{model.selected.label}</h2>
            <div class="calendars">
              {[...model.selected.months].reverse().map((m) => (
                <section class="calendar" aria-labelledby={`c-${m.month}`}>
                  <h3 id={`c-${m.month}`}>
                    {formatMonth(view.locale, m.month)}{' '}
                    <span class="month-figure">
                      {m.figure.percent === null
                        ? t('uptime.noData')
                        : t('uptime.month', { percent: formatPercent(view.locale, m.figure.percent) })}
                    </span>
                  </h3>
                  <ol class="days" style={`--lead:${leadingBlanks(m.month, view.locale)}`}>
                    {m.days.map((d) => {
                      if (d.outage.date > today)
                        return (
                          <li class="cal-day l-future" aria-hidden="true">
                            {Number(d.outage.date.slice(8))}
                          </li>
                        );
                      const text = `${formatDay(view.locale, d.outage.date)}: ${dayLines(view, { ...d, related: [] }, false).join(' ')}`;
                      return (
                        <li class={`cal-day l-${d.level}`} style={`background:${d.fill}`} title={text}>
                          <span class="visually-hidden">{text}</span>
                          <span aria-hidden="true">{Number(d.outage.date.slice(8))}</span>
                        </li>
                      );
                    })}
                  </ol>
                </section>
              ))}
            </div>
            <ul class="legend" aria-label={t('uptime.legend')}>
              {levels.map((level) => (
                <li>
                  <span class={`swatch l-${level}`} style={`background:${legendFills[level]}`}>
                    <Icon name={levelIcon[level]} />
                  </span>
                  {t(`uptime.level.${level}`)}
                </li>
              ))}
            </ul>
          </section>
          <section aria-labelledby="summary">
            <h2 id="summary">{t('uptime.summary')}</h2>
            <table class="summary">
              <thead>
                <tr>
                  <th scope="col">{t('uptime.component')}</th>
                  <th scope="col" class="window">
                    {range}
                  </th>
                  {months.map((month) => (
                    <th scope="col">{formatShortMonth(view.locale, month)}</th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {model.summary.map((s) => (
                  <tr>
                    <th scope="row">
                      <a href={`/uptime?component=${s.component.id}${model.pageNumber > 1 ? `&page=${model.pageNumber}` : ''}`}>
                        {s.label}
                      </a>
                    </th>
                    <td class="window">{figure(view, s.window)}</td>
                    {[...s.months].reverse().map((m) => (
                      <td>{figure(view, m.figure)}</td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
        </>
      )}
      <p class="formula">{t('uptime.formula')}</p>
    </Layout>
  );
}
