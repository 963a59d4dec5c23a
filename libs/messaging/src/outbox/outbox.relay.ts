import {
  BeforeApplicationShutdown,
  Inject,
  Injectable,
  Logger,
  OnApplicationBootstrap,
} from '@nestjs/common';
import type { EventEnvelope } from '@mrm/contracts';
import { MetricsRegistry } from '@mrm/observability';
import { Client } from 'pg';
import { Gauge } from 'prom-client';
import { DataSource } from 'typeorm';
import { JetStreamConnection } from '../jetstream.connection';
import { MESSAGING_OPTIONS } from '../messaging.tokens';
import type { MessagingOptions } from '../messaging.options';
import { MessagingMetrics } from '../messaging.metrics';
import { JetStreamClient } from '../transport/jetstream.client';
import { OUTBOX_CHANNEL } from './outbox.writer';

const MAX_RETRY_DELAY_MS = 60_000;

interface ClaimedRow {
  id: string;
  type: string;
  attempts: number;
  payload: EventEnvelope;
}

/**
 * Publishes committed outbox rows to JetStream. Woken by NOTIFY on commit, with a polling fallback;
 * rows are claimed with FOR UPDATE SKIP LOCKED so several replicas share the work, published with
 * msgID = event id (a crash between publish and marking republishes a duplicate JetStream drops),
 * then marked published in the same transaction.
 */
@Injectable()
export class OutboxRelay implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(OutboxRelay.name);
  private listener?: Client;
  private pollTimer?: NodeJS.Timeout;
  private draining?: Promise<void>;
  private wakeAgain = false;
  private stopped = true;

  constructor(
    private readonly dataSource: DataSource,
    private readonly connection: JetStreamConnection,
    private readonly client: JetStreamClient,
    private readonly metrics: MessagingMetrics,
    registry: MetricsRegistry,
    @Inject(MESSAGING_OPTIONS) private readonly options: MessagingOptions,
  ) {
    this.registerBacklogGauges(registry);
  }

  onApplicationBootstrap(): void {
    this.start();
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.stop();
  }

  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    void this.listen();
    this.pollTimer = setInterval(() => this.wake(), this.options.outboxPollIntervalMs);
    // The connection may come up later than us; publish what accumulated as soon as it does.
    void this.connection.ready().then(
      () => this.wake(),
      () => undefined,
    );
    this.wake();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearInterval(this.pollTimer);
    await this.draining;
    await this.listener?.end().catch(() => undefined);
    this.listener = undefined;
  }

  /** Publishes one batch; returns how many rows were published. Used by tests and benchmarks. */
  async flushOnce(): Promise<number> {
    if (!this.connection.isConnected()) return 0;
    return this.dataSource.transaction(async (em) => {
      const rows: ClaimedRow[] = await em.query(
        `SELECT id, type, attempts, payload FROM outbox_message
          WHERE published_at IS NULL AND available_at <= now()
          ORDER BY occurred_at, id
          LIMIT $1 FOR UPDATE SKIP LOCKED`,
        [this.options.outboxBatchSize],
      );
      if (rows.length === 0) return 0;
      const results = await Promise.allSettled(
        rows.map((row) => this.client.publishEnvelope(row.payload)),
      );
      const published = rows
        .filter((_, index) => results[index].status === 'fulfilled')
        .map((row) => row.id);
      if (published.length > 0) {
        await em.query(
          'UPDATE outbox_message SET published_at = now() WHERE id = ANY($1::uuid[])',
          [published],
        );
      }
      for (const [index, result] of results.entries()) {
        if (result.status === 'rejected') await this.recordFailure(em, rows[index], result.reason);
      }
      return published.length;
    });
  }

  /** Drains until the outbox is empty (or NATS fails); coalesces concurrent wake-ups. */
  wake(): void {
    if (this.stopped) return;
    if (this.draining) {
      this.wakeAgain = true;
      return;
    }
    this.draining = this.drain().finally(() => {
      this.draining = undefined;
      if (this.wakeAgain) {
        this.wakeAgain = false;
        this.wake();
      }
    });
  }

  private async drain(): Promise<void> {
    try {
      while (!this.stopped && (await this.flushOnce()) === this.options.outboxBatchSize) {
        // A full batch means more may be waiting.
      }
    } catch (error) {
      this.logger.error(`outbox relay failed: ${(error as Error).message}`);
    }
  }

  private async recordFailure(
    em: { query: (sql: string, params: unknown[]) => Promise<unknown> },
    row: ClaimedRow,
    reason: unknown,
  ): Promise<void> {
    this.metrics.publishFailures.inc();
    const delayMs = Math.min(MAX_RETRY_DELAY_MS, 500 * 2 ** Math.min(row.attempts, 10));
    await em.query(
      `UPDATE outbox_message SET attempts = attempts + 1, last_error = $2,
              available_at = now() + ($3 || ' milliseconds')::interval WHERE id = $1`,
      [row.id, String((reason as Error)?.message ?? reason).slice(0, 1000), String(delayMs)],
    );
  }

  private async listen(): Promise<void> {
    const url = (this.dataSource.options as { url?: string }).url;
    try {
      const listener = new Client({
        connectionString: url,
        application_name: 'mrm-outbox-listener',
      });
      listener.on('notification', () => this.wake());
      listener.on('error', (error) => {
        this.logger.warn(
          `outbox LISTEN connection lost (${error.message}); polling until it is back`,
        );
        this.listener = undefined;
        if (!this.stopped) setTimeout(() => void this.listen(), this.options.outboxPollIntervalMs);
      });
      await listener.connect();
      await listener.query(`LISTEN ${OUTBOX_CHANNEL}`);
      if (this.stopped) {
        await listener.end();
        return;
      }
      this.listener = listener;
    } catch (error) {
      this.logger.warn(`cannot LISTEN for outbox rows (${(error as Error).message}); polling`);
      if (!this.stopped) {
        setTimeout(() => void this.listen(), this.options.outboxPollIntervalMs * 5);
      }
    }
  }

  private registerBacklogGauges(registry: MetricsRegistry): void {
    const query = (): Promise<Array<{ backlog: number; oldest: number }>> =>
      this.dataSource.query(
        `SELECT count(*)::int AS backlog,
                coalesce(extract(epoch FROM now() - min(occurred_at)), 0)::float AS oldest
           FROM outbox_message WHERE published_at IS NULL`,
      );
    new Gauge({
      name: 'mrm_outbox_backlog',
      help: 'Outbox rows not yet published',
      registers: [registry.registry],
      async collect() {
        const [row] = await query().catch(() => [{ backlog: -1, oldest: -1 }]);
        this.set(row.backlog);
      },
    });
    new Gauge({
      name: 'mrm_outbox_oldest_age_seconds',
      help: 'Age of the oldest unpublished outbox row, 0 when the outbox is empty',
      registers: [registry.registry],
      async collect() {
        const [row] = await query().catch(() => [{ backlog: -1, oldest: -1 }]);
        this.set(row.oldest);
      },
    });
  }
}
