import { spawn, type ChildProcess } from 'node:child_process';

/** Starts test/support/notification-worker.ts as its own process, as a crashable worker instance. */
export function startNotificationWorker(target: unknown, smtpUrl: string, ...options: string[]): ChildProcess {
  return spawn(process.execPath, ['--import', 'tsx', 'test/support/notification-worker.ts', JSON.stringify(target), smtpUrl, ...options], {
    stdio: ['ignore', 'ignore', 'inherit'],
  });
}

/** Resolves with the process's exit code (null when a signal ended it). */
export const exited = (child: ChildProcess) => new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
