/**
 * An SVG path through values drawn left to right, one every `step` units, from `height` (zero) up
 * to `top` (`max`). A null breaks the line: each run of values starts at its first slot's left edge
 * and ends at its last slot's right edge, so a value alone between two gaps is still a short dash,
 * and a gap is never drawn as zero.
 */
export function linePath(values: readonly (number | null)[], options: { step: number; height: number; top?: number; max: number }): string {
  const { step, height, max } = options;
  const top = options.top ?? 0;
  const y = (v: number) => (height - (max <= 0 ? 0 : (Math.min(v, max) / max) * (height - top))).toFixed(1);
  const parts: string[] = [];
  values.forEach((value, i) => {
    if (value === null) return;
    const first = i === 0 || values[i - 1] === null;
    const last = i === values.length - 1 || values[i + 1] === null;
    if (first) parts.push(`M${i * step} ${y(value)}`);
    parts.push(`L${(i * step + step / 2).toFixed(1)} ${y(value)}`);
    if (last) parts.push(`L${(i + 1) * step} ${y(value)}`);
  });
  return parts.join('');
}

/** Runs of consecutive indexes where `test` holds, as [first, count]: marks drawn as one rectangle each. */
export function runs<T>(items: readonly T[], test: (item: T) => boolean): [number, number][] {
  const found: [number, number][] = [];
  items.forEach((item, i) => {
    if (!test(item)) return;
    const previous = found.at(-1);
    if (previous !== undefined && previous[0] + previous[1] === i) previous[1]++;
    else found.push([i, 1]);
  });
  return found;
}
