import { getPage } from './modules/page/index.ts';
import { addDays, dayStart, localDate } from './modules/uptime/index.ts';
import type { Clock } from './shared/clock.ts';
import type { Ctx } from './shared/context.ts';

/**
 * The page's calendar day. Renderings show "today" and day bars, so every cached rendering, whichever
 * surface made it, expires at the page's midnight as well as with the data revision. Asked on every
 * request, so the day is worked out once and kept until its end.
 */
export class PageDay {
  readonly #clock: Clock;
  #timeZone = 'Etc/UTC';
  #date = '';
  #from = 0;
  #until = 0;

  constructor(clock: Clock) {
    this.#clock = clock;
  }

  get timeZone(): string {
    return this.#timeZone;
  }

  setTimeZone(timeZone: string): void {
    if (timeZone === this.#timeZone) return;
    this.#timeZone = timeZone;
    this.#until = 0;
  }

  /** Today in the page's time zone, `YYYY-MM-DD`. */
  today(): string {
    const ms = this.#clock.now().getTime();
    if (ms >= this.#from && ms < this.#until) return this.#date;
    this.#date = localDate(ms, this.#timeZone);
    this.#from = dayStart(this.#date, this.#timeZone);
    this.#until = dayStart(addDays(this.#date, 1), this.#timeZone);
    return this.#date;
  }
}

/**
 * Keeps the day in the page's time zone: read now and again after every change of the data (the
 * time zone is a page setting). A read that fails (the database is away) keeps the zone last known.
 */
export function followPageTimeZone(ctx: Ctx, day: PageDay): { ready: Promise<void>; stop(): void } {
  const refresh = () =>
    getPage(ctx).then(
      (page) => day.setTimeZone(page.timeZone),
      (error: unknown) => ctx.log.debug({ err: error }, 'the page time zone could not be read; keeping the last one'),
    );
  const stop = ctx.revisions.onChange(() => void refresh());
  return { ready: refresh(), stop };
}
