import type { Logger } from './shared/logger.ts';

const signalNumbers = { SIGINT: 2, SIGTERM: 15 } as const;
type StopSignal = keyof typeof signalNumbers;

export interface StopOnSignals {
  /** What a stop runs once the process is serving: stop accepting, finish in-flight work, close. */
  setStop(stop: () => Promise<void>): void;
  /** True once a stop signal arrived (a start still in progress checks it before serving). */
  readonly requested: boolean;
}

/**
 * SIGTERM or SIGINT stops Aviso gracefully: the registered stop runs and the process exits 0, or 1
 * when the stop failed or took longer than `timeoutMs`. A second signal exits at once (128 + signal,
 * as a shell reports it). Registered first thing at start, so a signal during the start is not lost.
 */
export function stopOnSignals(options: { log: Logger; timeoutMs: number; exit?: (code: number) => void }): StopOnSignals {
  const { log, timeoutMs } = options;
  const exit = options.exit ?? ((code: number) => process.exit(code));
  let stop: (() => Promise<void>) | undefined;
  let signalled: StopSignal | undefined;
  let stopping = false;

  const run = () => {
    if (stopping || stop === undefined || signalled === undefined) return;
    stopping = true;
    const started = Date.now();
    log.info({ signal: signalled, timeoutMs }, 'stopping: no new connections, finishing requests and the running job');
    const timer = setTimeout(() => {
      log.error({ timeoutMs }, 'the stop took too long; exiting without waiting further');
      exit(1);
    }, timeoutMs);
    timer.unref();
    stop().then(
      () => {
        clearTimeout(timer);
        log.info({ ms: Date.now() - started }, 'stopped');
        exit(0);
      },
      (error: unknown) => {
        clearTimeout(timer);
        log.error({ err: error }, 'the stop failed');
        exit(1);
      },
    );
  };

  const onSignal = (signal: StopSignal) => {
    if (signalled !== undefined) {
      log.warn({ signal }, 'second stop signal: exiting now');
      exit(128 + signalNumbers[signal]);
      return;
    }
    signalled = signal;
    if (stop === undefined) log.info({ signal }, 'stop requested while starting; stopping once started');
    run();
  };
  process.on('SIGINT', () => onSignal('SIGINT'));
  process.on('SIGTERM', () => onSignal('SIGTERM'));

  return {
    setStop(next) {
      stop = next;
      run();
    },
    get requested() {
      return signalled !== undefined;
    },
  };
}
