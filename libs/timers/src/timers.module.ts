import { DynamicModule, Module } from '@nestjs/common';
import { Clock, SystemClock } from './clock';
import { TimerScheduler } from './timer.scheduler';
import { TimerSweeper } from './timer.sweeper';
import { TIMERS_OPTIONS, type TimersOptions } from './timers.options';

const DEFAULTS: TimersOptions = { sweepIntervalMs: 5000, batchSize: 100 };

/**
 * Durable timers in the service's own database (`TIMER_MIGRATIONS`), and the `Clock` every feature
 * reads "now" from. Global: features inject `TimerScheduler`, `TimerSweeper` and `Clock`.
 */
@Module({})
export class TimersModule {
  static forService(options: Partial<TimersOptions> = {}): DynamicModule {
    return {
      module: TimersModule,
      global: true,
      providers: [
        { provide: TIMERS_OPTIONS, useValue: { ...DEFAULTS, ...options } },
        { provide: Clock, useClass: SystemClock },
        TimerScheduler,
        TimerSweeper,
      ],
      exports: [Clock, TimerScheduler, TimerSweeper],
    };
  }
}
