import { formatDay, formatHourRange, formatMilliseconds } from '../../i18n/format-dates.ts';
import { chartDays, type ResponseChart, type ResponseSeries } from '../../modules/monitors/index.ts';
import { localDate } from '../../modules/uptime/index.ts';
import { linePath, runs } from '../../shared/line-path.ts';
import type { ViewContext } from './view-context.ts';

const height = 40;

/** Every chart of a page has the same hours and days: their labels are worded once, not once per component. */
const labels = new Map<string, string>();
function label(key: string, word: () => string): string {
  let text = labels.get(key);
  if (text === undefined) {
    if (labels.size >= 5000) labels.clear();
    text = word();
    labels.set(key, text);
  }
  return text;
}

/** The series in a sentence: its average and slowest check, and how much of it has no data. */
function summary(view: ViewContext, series: ResponseSeries, unit: 'hours' | 'days'): string {
  const { t, locale } = view;
  const figures =
    series.averageMs === null || series.maxMs === null
      ? t('chart.noAnswers')
      : t('chart.summary', { average: formatMilliseconds(locale, series.averageMs), slowest: formatMilliseconds(locale, series.maxMs) });
  if (series.gaps === 0 || series.averageMs === null) return figures;
  return `${figures} ${t(unit === 'hours' ? 'chart.gapHours' : 'chart.gapDays', { count: series.gaps })}`;
}

function ChartFigure({
  view,
  series,
  unit,
  name,
  id,
}: {
  view: ViewContext;
  series: ResponseSeries;
  unit: 'hours' | 'days';
  name: string;
  id: string;
}) {
  const { t, locale, page } = view;
  const step = unit === 'hours' ? 10 : 5;
  const width = series.points.length * step;
  const averages = series.points.map((p) => p.averageMs);
  const max = Math.max(1, ...averages.filter((v): v is number => v !== null));
  const range = unit === 'hours' ? t('chart.hours') : t('chart.days', { days: chartDays });
  const summaryId = `rt-${unit}-${id}`;
  const when = (i: number) => {
    const p = series.points[i]!;
    return label(`${locale}|${page.timeZone}|${unit}|${p.start.getTime()}`, () =>
      unit === 'hours'
        ? formatHourRange(locale, page.timeZone, p.start, p.end)
        : formatDay(locale, localDate(p.start.getTime(), page.timeZone)),
    );
  };
  return (
    <figure class="rt-chart">
      <figcaption>
        <span class="rt-range">{range}</span> <span id={summaryId}>{summary(view, series, unit)}</span>
      </figcaption>
      <svg
        class="rt-svg"
        viewBox={`0 0 ${width} ${height}`}
        preserveAspectRatio="none"
        role="img"
        aria-label={t('chart.label', { component: name, range })}
        aria-describedby={summaryId}
      >
        {/* No answered check: a shaded stretch and a break in the line, never a drop to zero. */}
        {runs(series.points, (p) => p.averageMs === null).map(([i, n]) => (
          <rect class="rt-gap" x={i * step} y="0" width={n * step} height={height} />
        ))}
        <path class="rt-line" d={linePath(averages, { step, height: height - 2, top: 3, max })} />
        {series.points.map((p, i) => (
          <rect class="rt-slot" x={i * step} y="0" width={step} height={height}>
            <title>
              {`${when(i)}: ${
                p.averageMs === null || p.maxMs === null
                  ? t('chart.pointNoData')
                  : t('chart.point', { average: formatMilliseconds(locale, p.averageMs), slowest: formatMilliseconds(locale, p.maxMs) })
              }`}
            </title>
          </rect>
        ))}
      </svg>
      <p class="rt-axis" aria-hidden="true">
        <span>{unit === 'hours' ? t('chart.hoursAgo') : t('bars.daysAgo', { days: chartDays })}</span>
        <span>{unit === 'hours' ? t('chart.now') : t('bars.today')}</span>
      </p>
    </figure>
  );
}

/**
 * A component's response times, drawn without script: the last 24 hours by hour and the last 90
 * days by day (the days of the uptime bars), each an SVG named for what it shows and described by
 * the sentence above it. Right to left the drawing is flipped, as the bars are, so time runs the
 * way the text does.
 */
export function ResponseChartView({ view, chart, name, id }: { view: ViewContext; chart: ResponseChart; name: string; id: string }) {
  return (
    <div class="rt">
      <p class="rt-title">{view.t('chart.title')}</p>
      <div class="rt-charts">
        <ChartFigure view={view} series={chart.hours} unit="hours" name={name} id={id} />
        <ChartFigure view={view} series={chart.days} unit="days" name={name} id={id} />
      </div>
    </div>
  );
}
