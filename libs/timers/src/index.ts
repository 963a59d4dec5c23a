export * from './clock';
export * from './scheduled-timer.entity';
export * from './timer.scheduler';
export * from './timer.sweeper';
export * from './timers.module';
export * from './migrations';
export type { TimersOptions } from './timers.options';
