import { Logger } from '@nestjs/common';
import type { JsMsg } from '@nats-io/jetstream';
import type { DataSource } from 'typeorm';

const PROBE_INTERVAL_MS = 1000;
// Deliveries remembered as lost to an outage; beyond this the oldest are forgotten.
const REMEMBERED_DELIVERIES = 10_000;

/**
 * Holds the consumers while the service's database is unreachable: no message is fetched, so none
 * spends its delivery budget on an outage, and they resume by themselves once a probe succeeds.
 * Deliveries that failed on the outage are remembered and not counted against their message.
 */
export class DatabaseGate {
  private readonly logger = new Logger(DatabaseGate.name);
  private recovery?: Promise<void>;
  private stopped = false;
  private readonly outageDeliveries = new Map<string, number>();

  constructor(private readonly dataSource: DataSource) {}

  get isClosed(): boolean {
    return this.recovery !== undefined;
  }

  /** Records a delivery that failed because the database was unreachable, and closes the gate. */
  closeOn(message: JsMsg, error: unknown): void {
    const key = deliveryKey(message);
    this.outageDeliveries.delete(key);
    this.outageDeliveries.set(key, (this.outageDeliveries.get(key) ?? 0) + 1);
    if (this.outageDeliveries.size > REMEMBERED_DELIVERIES) {
      this.outageDeliveries.delete(this.outageDeliveries.keys().next().value as string);
    }
    if (this.recovery) return;
    this.logger.warn(`database unreachable (${(error as Error).message}): consumers paused`);
    this.recovery = this.probeUntilReachable().finally(() => (this.recovery = undefined));
  }

  /** Ends a pending probe, at shutdown. */
  stop(): void {
    this.stopped = true;
  }

  /** Resolves at once while the database is reachable, otherwise when it is back (or at stop). */
  async passable(): Promise<void> {
    await this.recovery;
  }

  /** The deliveries of `message` that count against its budget: outages excluded. */
  spentDeliveries(message: JsMsg): number {
    return message.info.deliveryCount - (this.outageDeliveries.get(deliveryKey(message)) ?? 0);
  }

  private async probeUntilReachable(): Promise<void> {
    while (!this.stopped) {
      await new Promise((resolve) => setTimeout(resolve, PROBE_INTERVAL_MS));
      try {
        await this.dataSource.query('SELECT 1');
        this.logger.log('database reachable again: consumers resumed');
        return;
      } catch {
        // Still away: probe again.
      }
    }
  }
}

function deliveryKey(message: JsMsg): string {
  return `${message.info.stream}:${message.info.streamSequence}`;
}
