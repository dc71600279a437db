import type { Db } from '../storage/database.ts';
import type { NewJob } from './job.ts';
import { insertJob } from './job-store.ts';

/**
 * Adds a job inside the caller's transaction, so it exists exactly when the change that causes it
 * commits. A job whose idempotency key was already used is not added again.
 */
export async function enqueue(tx: Db, job: NewJob, now: Date = new Date()): Promise<void> {
  await insertJob(tx, job, now);
}
