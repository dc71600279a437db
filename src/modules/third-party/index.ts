export * from './source-adapters.ts';
export * from './third-party-source.ts';
export { pollDueSources, type PollSettings } from './poll-sources.ts';
export { createThirdPartyHandlers, thirdPartyRecurringJobs, thirdPartyJobs, pollCheckEveryMs } from './third-party-jobs.ts';
export { listSources, findSource } from './source-store.ts';
export { listSourceComponents, type SourceChoice } from './list-source-components.ts';
export { setSourceInterval, sourceIntervalSchema, type SourceIntervalInput } from './set-source-interval.ts';
export { updateComponentKeepingOneWriter } from './update-component-keeping-one-writer.ts';
