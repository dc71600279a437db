import type { UpstreamComponent } from './source-adapters.ts';

/** A source URL that third-party components mirror, and what polling it has learnt so far. */
export interface ThirdPartySource {
  url: string;
  kind: string;
  intervalSeconds: number;
  etag: string | null;
  lastModified: string | null;
  nextPollAt: Date;
  lastPolledAt: Date | null;
  lastReadAt: Date | null;
  /** Since when every poll failed (null after a good one). */
  failingSince: Date | null;
  consecutiveFailures: number;
  lastError: string | null;
  /** The source's components as last read. */
  catalogue: UpstreamComponent[] | null;
}

export const defaultIntervalSeconds = 60;

/**
 * When to try again after `failures` failures in a row: the interval doubled per failure, at most
 * four intervals (so a source that comes back is seen soon), times a jitter of ±20 % so that
 * sources that failed together do not retry together.
 */
export function backoffMs(intervalSeconds: number, failures: number, random: () => number): number {
  const base = intervalSeconds * 1000 * Math.min(2 ** Math.max(0, failures - 1), 4);
  return Math.round(base * (0.8 + 0.4 * random()));
}
