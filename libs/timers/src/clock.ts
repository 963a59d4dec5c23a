import { Injectable } from '@nestjs/common';

/**
 * Where a service reads "now" for deadlines and schedules. Injected by class, so that tests and
 * simulations can move time forward (a `ManualClock` from `@mrm/testing`) instead of sleeping.
 */
export abstract class Clock {
  abstract now(): Date;
}

/** The wall clock. */
@Injectable()
export class SystemClock extends Clock {
  now(): Date {
    return new Date();
  }
}
