import type { Sparkline } from '../../modules/monitors/index.ts';
import { linePath, runs } from '../../shared/line-path.ts';

const width = 96;
const height = 28;

const ms = (value: number) => (value >= 10_000 ? `${(value / 1000).toFixed(1)} s` : `${Math.round(value)} ms`);
const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** What the sparkline shows, in words: its accessible name and the line beside it. */
export function sparklineWords(s: Sparkline): { label: string; caption: string } {
  const noData = s.points.reduce((n, p) => n + p.noData, 0);
  const figures = s.medianMs === null || s.maxMs === null ? ['no answered checks'] : [`median ${ms(s.medianMs)}`, `max ${ms(s.maxMs)}`];
  const trouble = [
    ...(s.failed > 0 ? [plural(s.failed, 'failed check', 'failed checks')] : []),
    ...(noData > 0 ? [plural(noData, 'check that could not run', 'checks that could not run')] : []),
  ];
  return {
    label: `Response time, last 24 hours: ${[...figures, ...trouble].join(', ')}`,
    caption: [...figures, ...trouble.map((t) => t.replace(' that could not run', ' not run'))].join(' · '),
  };
}

/**
 * The last 24 hours of a monitor in half hours, as a small inline SVG: the line is the average
 * response time of the checks that answered; a half hour with failed checks is a red band with a
 * solid foot, one whose checks could not run a grey foot, and one without answers a break in the
 * line, so failing or missing never reads as fast.
 */
export function SparklineView({ sparkline }: { sparkline: Sparkline }) {
  const step = width / sparkline.points.length;
  const averages = sparkline.points.map((p) => p.averageMs);
  const max = Math.max(1, ...averages.filter((v): v is number => v !== null));
  const { label, caption } = sparklineWords(sparkline);
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
