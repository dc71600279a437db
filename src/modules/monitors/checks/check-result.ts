/** One probe's conclusion. Never thrown: a target that fails is a result, not an error. */
export interface CheckResult {
  outcome: 'up' | 'degraded' | 'down';
  durationMs: number | null;
  /** Why it is not up, for operators (never an internal address). */
  reason: string | null;
}

export const up = (durationMs: number | null): CheckResult => ({ outcome: 'up', durationMs, reason: null });
export const down = (reason: string, durationMs: number | null): CheckResult => ({ outcome: 'down', durationMs, reason });
export const degraded = (reason: string, durationMs: number | null): CheckResult => ({ outcome: 'degraded', durationMs, reason });
