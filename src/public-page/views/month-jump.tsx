import { formatMonth, formatMonthName, formatYear } from '../../i18n/format-dates.ts';
import type { LatestIncident } from '../history-model.ts';
import type { ViewContext } from './view-context.ts';

/**
 * One click to any month: the months that have a page, grouped by year (newest first), and, when the
 * months on screen show no incident, a link to the newest one. A page whose story is older than
 * three months (the bundled example on any later date) is then never more than a click away.
 */
export function MonthJump({
  view,
  months,
  shown,
  latest,
  href,
}: {
  view: ViewContext;
  /** Newest first. */
  months: readonly string[];
  /** The months on screen. */
  shown: readonly string[];
  /** The newest incident, when the months on screen have none; null otherwise. */
  latest: LatestIncident | null;
  href: (month: string) => string;
}) {
  const { t } = view;
  const years = new Map<string, string[]>();
  for (const month of months) {
    const year = month.slice(0, 4);
    years.set(year, [...(years.get(year) ?? []), month]);
  }
  return (
    <nav class="month-jump" aria-label={t('history.jumpLabel')}>
      {latest !== null && (
        <p class="latest-incident">
          {t('history.latestIncident')}{' '}
          <a href={href(latest.month)}>
            {latest.name} · <time dateTime={latest.month}>{formatMonth(view.locale, latest.month)}</time>
          </a>
        </p>
      )}
      {months.length > 1 && (
        <dl class="years">
          {[...years].map(([year, inYear]) => (
            <div class="year">
              <dt>{formatYear(view.locale, `${year}-01`)}</dt>
              {[...inYear].reverse().map((month) => (
                <dd>
                  <a href={href(month)} aria-current={shown.includes(month) ? 'true' : undefined}>
                    {formatMonthName(view.locale, month)}
                    <span class="visually-hidden"> {formatYear(view.locale, month)}</span>
                  </a>
                </dd>
              ))}
            </div>
          ))}
        </dl>
      )}
    </nav>
  );
}
