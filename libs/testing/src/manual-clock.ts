import { Clock } from '@mrm/timers';

/** A clock that moves only when a test moves it: deadlines are reached without sleeping. */
export class ManualClock extends Clock {
  private current: Date;

  constructor(start: Date = new Date()) {
    super();
    this.current = new Date(start);
  }

  now(): Date {
    return new Date(this.current);
  }

  advance(ms: number): this {
    this.current = new Date(this.current.getTime() + ms);
    return this;
  }

  set(date: Date): this {
    this.current = new Date(date);
    return this;
  }
}
