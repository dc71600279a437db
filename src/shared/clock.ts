/** Where code asks for the time, so tests can pin it. */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

/** A clock that stands still until told to move; for tests and imports. */
export class FixedClock implements Clock {
  #ms: number;
  constructor(start: Date | string) {
    this.#ms = new Date(start).getTime();
  }
  now(): Date {
    return new Date(this.#ms);
  }
  set(at: Date | string): void {
    this.#ms = new Date(at).getTime();
  }
  advance(ms: number): void {
    this.#ms += ms;
  }
}

/**
 * A clock that reads `start` when made and runs on from there at the system clock's pace: the
 * whole server as it would be on another day (AVISO_NOW, for browser tests and demonstrations).
 */
export function runningClockFrom(start: Date, system: Clock = systemClock): Clock {
  const offset = start.getTime() - system.now().getTime();
  return { now: () => new Date(system.now().getTime() + offset) };
}
