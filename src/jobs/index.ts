export * from './job.ts';
export { enqueue } from './enqueue.ts';
export { JobWorker, type WorkerOptions } from './worker.ts';
export { listJobRows as listJobs, purgeFinishedJobs, claimJobs, jobStats } from './job-store.ts';
export { queueJobHandlers, queueRecurringJobs } from './queue-jobs.ts';
