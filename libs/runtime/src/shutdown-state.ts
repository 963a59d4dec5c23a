import { BeforeApplicationShutdown, Injectable } from '@nestjs/common';

/** Flips readiness off as soon as shutdown begins, before consumers and the relay stop. */
@Injectable()
export class ShutdownState implements BeforeApplicationShutdown {
  private shuttingDown = false;

  get isShuttingDown(): boolean {
    return this.shuttingDown;
  }

  beforeApplicationShutdown(): void {
    this.shuttingDown = true;
  }
}
