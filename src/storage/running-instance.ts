import { readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';

/** `aviso.pid` in the data directory: which process serves from it, so a restore can refuse to replace its database. */
const fileName = 'aviso.pid';

export interface RunningInstance {
  pid: number;
  host: string;
  startedAt: string;
}

export function markRunning(dataDir: string, now: Date): void {
  mkdirSync(dataDir, { recursive: true });
  const entry: RunningInstance = { pid: process.pid, host: hostname(), startedAt: now.toISOString() };
  writeFileSync(join(dataDir, fileName), `${JSON.stringify(entry)}\n`);
}

/** Removes the mark, if it is this process's own. */
export function clearRunning(dataDir: string): void {
  if (findRunning(dataDir)?.pid === process.pid) rmSync(join(dataDir, fileName), { force: true });
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * The instance serving from this data directory, if one may be: a mark left by a process that is
 * gone (a crash) is ignored; a mark from another host (a shared volume) cannot be checked and counts.
 */
export function findRunning(dataDir: string): RunningInstance | undefined {
  let entry: RunningInstance;
  try {
    entry = JSON.parse(readFileSync(join(dataDir, fileName), 'utf8')) as RunningInstance;
  } catch {
    return undefined;
  }
  if (entry.host === hostname() && !isAlive(entry.pid)) return undefined;
  return entry;
}
