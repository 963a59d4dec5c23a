/** How a service sweeps its timers; given to `TimersModule.forService`. */
export interface TimersOptions {
  /** Time between sweeps; 0 leaves sweeping to explicit `sweepOnce()` calls. */
  readonly sweepIntervalMs: number;
  /** Timers claimed per transaction. */
  readonly batchSize: number;
}

export const TIMERS_OPTIONS = Symbol('TIMERS_OPTIONS');
