import type { JobHandlers, RecurringJob } from '../../jobs/index.ts';
import { pollDueSources, type PollSettings } from './poll-sources.ts';

export const thirdPartyJobs = { pollDue: 'third-party.poll-due' } as const;

/** How often the worker looks for due sources; a source's own interval (60 s by default) decides when it is polled. */
export const pollCheckEveryMs = 10_000;

export function createThirdPartyHandlers(settings: PollSettings): JobHandlers {
  return { [thirdPartyJobs.pollDue]: async (ctx) => void (await pollDueSources(ctx, settings)) };
}

export const thirdPartyRecurringJobs: RecurringJob[] = [{ name: thirdPartyJobs.pollDue, everyMs: pollCheckEveryMs }];
