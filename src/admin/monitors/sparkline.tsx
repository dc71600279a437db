import type { Sparkline } from '../../modules/monitors/index.ts';
import { linePath, runs } from '../../shared/line-path.ts';
import { formatMilliseconds } from '../../i18n/format-dates.ts';
import type { Translator } from '../../i18n/translate.ts';
import type { Locale } from '../../shared/locales.ts';
import { useLocale, useT } from '../view/admin-i18n.tsx';

const width = 96;
const height = 28;

/** What the sparkline shows, in words, in the member's language: its accessible name and the line beside it. */
export function sparklineWords(s: Sparkline, t: Translator, locale: Locale): { label: string; caption: string } {
  const noData = s.points.reduce((n, p) => n + p.noData, 0);
  const figures =
    s.medianMs === null || s.maxMs === null
      ? [t('adminMonitors.sparkNoAnswers')]
      : [
          t('adminMonitors.sparkMedian', { duration: formatMilliseconds(locale, s.medianMs) }),
          t('adminMonitors.sparkMax', { duration: formatMilliseconds(locale, s.maxMs) }),
        ];
  const failed = s.failed > 0 ? [t('adminMonitors.sparkFailed', { count: s.failed })] : [];
  return {
    label: t('adminMonitors.sparkLabel', {
      figures: [...figures, ...failed, ...(noData > 0 ? [t('adminMonitors.sparkNoData', { count: noData })] : [])].join(
        t('adminMonitors.sparkSeparator'),
      ),
    }),
    caption: [...figures, ...failed, ...(noData > 0 ? [t('adminMonitors.sparkNoDataShort', { count: noData })] : [])].join(' · '),
  };
}

/**
 * The last 24 hours of a monitor in half hours, as a small inline SVG: the line is the average
 * response time of the checks that answered; a half hour with failed checks is a red band with a
 * solid foot, one whose checks could not run a grey foot, and one without answers a break in the
 * line, so failing or missing never reads as fast.
 */
export function SparklineView({ sparkline }: { sparkline: Sparkline }) {
  const t = useT();
  const locale = useLocale();
  const step = width / sparkline.points.length;
  const averages = sparkline.points.map((p) => p.averageMs);
  const max = Math.max(1, ...averages.filter((v): v is number => v !== null));
  const { label, caption } = sparklineWords(sparkline, t, locale);
  return (
    <span class="spark">
      <svg viewBox={`0 0 ${width} ${height}`} width="144" height="28" role="img" aria-label={label} focusable="false">
        <rect class="spark-ground" x="0" y="0" width={width} height={height} />
        {runs(sparkline.points, (p) => p.failed > 0).map(([i, n]) => (
          <>
            <rect class="spark-failed" x={i * step} y="0" width={n * step} height={height} />
            <rect class="spark-failed-foot" x={i * step} y={height - 4} width={n * step} height="4" />
          </>
        ))}
        {runs(sparkline.points, (p) => p.noData > 0 && p.failed === 0).map(([i, n]) => (
          <rect class="spark-no-data" x={i * step} y={height - 4} width={n * step} height="4" />
        ))}
        <path class="spark-line" d={linePath(averages, { step, height: height - 5, top: 2, max })} />
      </svg>
      <span class="spark-caption" aria-hidden="true">
        {caption}
      </span>
    </span>
  );
}
