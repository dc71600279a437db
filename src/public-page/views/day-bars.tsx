import { formatDay, formatDuration, formatPercent } from '../../i18n/format-dates.ts';
import { barSpans, type DayBars, type DayView } from '../day-bars-model.ts';
import type { ViewContext } from './view-context.ts';

/** The lines of a day's tooltip: outage durations, or why there are none; with its events, says when none is related. */
export function dayLines(view: ViewContext, day: DayView, withEvents = true): string[] {
  const { t } = view;
  const o = day.outage;
  if (!o.hasData) return [t('day.noData')];
  const lines: string[] = [];
  if (o.majorSeconds > 0) lines.push(t('day.major', { duration: formatDuration(t, o.majorSeconds) }));
  if (o.partialSeconds > 0) lines.push(t('day.partial', { duration: formatDuration(t, o.partialSeconds) }));
  if (o.degradedSeconds > 0) lines.push(`${t('status.degraded_performance')} ${formatDuration(t, o.degradedSeconds)}`);
  if (o.maintenanceSeconds > 0) lines.push(`${t('status.under_maintenance')} ${formatDuration(t, o.maintenanceSeconds)}`);
  // Checks that could not run (Aviso itself down or overloaded) are neither uptime nor downtime.
  const noData = o.noDataSeconds > 0 ? [t('day.partlyNoData', { duration: formatDuration(t, o.noDataSeconds) })] : [];
  if (lines.length === 0) return [t('day.noDowntime'), ...noData];
  lines.push(...noData);
  if (withEvents && day.related.length === 0 && o.majorSeconds + o.partialSeconds > 0) lines.push(t('day.noRelated'));
  return lines;
}

const truncate = (name: string) => (name.length > 90 ? `${name.slice(0, 90)}...` : name);

/**
 * The 90-day bar: all 90 days drawn, the oldest hidden on narrower screens by CSS. Each day carries
 * its tooltip as a `<title>` (hover, no script needed); days with downtime are also listed in a
 * disclosure below, reachable by keyboard, which the script turns into richer tooltips.
 */
export function DayBarsView({ view, bars, name, id }: { view: ViewContext; bars: DayBars; name: string; id: string }) {
  const { t } = view;
  const withDowntime = bars.days.filter(
    (d) => d.outage.majorSeconds + d.outage.partialSeconds + d.outage.degradedSeconds + d.outage.maintenanceSeconds > 0,
  );
  return (
    <div class="bars">
      <svg
        class="bars-svg"
        viewBox="0 0 448 34"
        preserveAspectRatio="none"
        role="img"
        aria-label={t('bars.label', { component: name, days: 90 })}
      >
        <g>
          {bars.days.map((day, i) => {
            const related = day.related.map((r) => truncate(r.name));
            const text = [
              formatDay(view.locale, day.outage.date),
              ...dayLines(view, day),
              ...(related.length > 0 ? [`${t('day.related')}: ${related.join(', ')}`] : []),
            ].join('\n');
            return (
              <rect
                x={i * 5}
                width="3"
                height="34"
                fill={day.fill}

                data-related={day.related.map((r) => r.id).join(' ') || undefined}
              >
                <title>{text}</title>
              </rect>
            );
          })}
        </g>
      </svg>
      <p class="bars-legend">
        {barSpans.map((span) => (
          <span class={`span-${span}`}>
            <span>{t('bars.daysAgo', { days: span })}</span>
            <span class="bars-uptime">
              {bars.uptime[span].percent === null
                ? t('bars.noData')
                : t('bars.uptime', { percent: formatPercent(view.locale, bars.uptime[span].percent) })}
            </span>
            <span>{t('bars.today')}</span>
          </span>
        ))}
      </p>
      {withDowntime.length > 0 && (
        <details class="bars-days" id={`days-${id}`}>
          <summary>
            {t('bars.details')} ({withDowntime.length})
          </summary>
          <ul>
            {withDowntime.reverse().map((day) => (
              <li>
                <strong>{formatDay(view.locale, day.outage.date)}</strong>: {dayLines(view, day).join(' · ')}
                {day.related.length > 0 && (
                  <>
                    {' · '}
                    {t('day.related')}:{' '}
                    {day.related.map((r, i) => (
                      <>
                        {i > 0 && ', '}
                        <a href={`/incidents/${r.id}`}>{truncate(r.name)}</a>
                      </>
                    ))}
                  </>
                )}
              </li>
            ))}
          </ul>
        </details>
      )}
    </div>
  );
}
