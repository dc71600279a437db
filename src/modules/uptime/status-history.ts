import type { ComponentStatus } from '../components/index.ts';

export interface HistoryChange {
  status: ComponentStatus;
  changedAt: Date;
}

/** Milliseconds spent in each status that matters to uptime within one stretch of time. */
export interface StatusDurations {
  major: number;
  partial: number;
  degraded: number;
  maintenance: number;
}

/** Index of the last change at or before `ms` (-1 when none): a binary search, so old history costs nothing. */
export function lastChangeAtOrBefore(changes: readonly HistoryChange[], ms: number): number {
  let low = 0;
  let high = changes.length - 1;
  let found = -1;
  while (low <= high) {
    const mid = (low + high) >>> 1;
    if ((changes[mid] as HistoryChange).changedAt.getTime() <= ms) {
      found = mid;
      low = mid + 1;
    } else high = mid - 1;
  }
  return found;
}

function add(durations: StatusDurations, status: ComponentStatus, ms: number): void {
  if (ms <= 0) return;
  if (status === 'major_outage') durations.major += ms;
  else if (status === 'partial_outage') durations.partial += ms;
  else if (status === 'degraded_performance') durations.degraded += ms;
  else if (status === 'under_maintenance') durations.maintenance += ms;
}

/**
 * Walks the history forward over consecutive, non-overlapping stretches [start, end), in order,
 * visiting each change once. Time before the first change counts as operational.
 */
export class HistoryCursor {
  readonly #changes: readonly HistoryChange[];
  #next: number;
  #status: ComponentStatus;

  constructor(changes: readonly HistoryChange[], fromMs: number) {
    this.#changes = changes;
    const index = lastChangeAtOrBefore(changes, fromMs);
    this.#status = index >= 0 ? (changes[index] as HistoryChange).status : 'operational';
    this.#next = index + 1;
  }

  /** Durations within [startMs, endMs); stretches must come in increasing order. */
  measure(startMs: number, endMs: number): StatusDurations {
    const durations: StatusDurations = { major: 0, partial: 0, degraded: 0, maintenance: 0 };
    let cursor = startMs;
    // Changes before the stretch only move the current status forward.
    while (this.#next < this.#changes.length) {
      const change = this.#changes[this.#next] as HistoryChange;
      const at = change.changedAt.getTime();
      if (at >= endMs) break;
      if (at > cursor) {
        add(durations, this.#status, at - cursor);
        cursor = at;
      }
      this.#status = change.status;
      this.#next++;
    }
    add(durations, this.#status, endMs - cursor);
    return durations;
  }
}
