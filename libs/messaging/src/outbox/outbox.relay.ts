import {
  BeforeApplicationShutdown,
  Inject,
  Injectable,
  Logger,
  OnApplicationBootstrap,
} from '@nestjs/common';
import type { EventEnvelope } from '@mrm/contracts';
import { MetricsRegistry } from '@mrm/observability';
import { Gauge } from 'prom-client';
import { DataSource } from 'typeorm';
import { JetStreamConnection } from '../jetstream.connection';
import { MESSAGING_OPTIONS } from '../messaging.tokens';
import type { MessagingOptions } from '../messaging.options';
import { MessagingMetrics } from '../messaging.metrics';
import { JetStreamClient } from '../transport/jetstream.client';
import { OUTBOX_CHANNEL } from './outbox.writer';
import { RelaySession } from './relay-session';

const MAX_RETRY_DELAY_MS = 60_000;
// How long a claimed row is left to the relay that claimed it: well above the publish timeout, so
// only a relay that died mid-batch lets it lapse, and another replica (or its restart) takes over.
const LEASE_SECONDS = 30;

// Both claims below also mark the rows the previous batch published, in the same statement: at
// load the relay costs one round trip per batch. A claim is a lease (available_at moves ahead), so
// no transaction stays open while publishing and replicas skip each other's rows.
const MARKED = `marked AS (UPDATE outbox_message SET published_at = now() WHERE id = ANY($1::uuid[]))`;
const LEASE = `UPDATE outbox_message SET available_at = now() + interval '${LEASE_SECONDS} seconds'`;
const RETURNED = `RETURNING id, type, subject, attempts, payload, occurred_at`;
const IN_ORDER = `SELECT id, type, subject, attempts, payload FROM claimed ORDER BY occurred_at, id`;

// The rows a NOTIFY named, by primary key. A row another replica leased meanwhile no longer
// matches once its lease commits (the UPDATE re-checks the condition after waiting for the lock).
const MARK_AND_CLAIM_NOTIFIED = `
  WITH ${MARKED}, claimed AS (
    ${LEASE}
     WHERE id = ANY($2::uuid[]) AND published_at IS NULL AND available_at <= now()
       AND NOT (id = ANY($1::uuid[]))
    ${RETURNED}
  )
  ${IN_ORDER}`;

// The oldest available rows, whatever was notified: at start, on every poll, and when a
// notification carried no ids (too many rows in one transaction) or was missed.
const MARK_AND_CLAIM_OLDEST = `
  WITH ${MARKED}, claimed AS (
    ${LEASE}
     WHERE id IN (
       SELECT id FROM outbox_message
        WHERE published_at IS NULL AND available_at <= now() AND NOT (id = ANY($1::uuid[]))
        ORDER BY occurred_at, id
        LIMIT $2 FOR UPDATE SKIP LOCKED)
    ${RETURNED}
  )
  ${IN_ORDER}`;

// Notified ids kept while NATS is away; beyond this the relay forgets them and scans instead.
const NOTIFIED_BACKLOG_MAX = 10_000;

interface ClaimedRow {
  id: string;
  type: string;
  /** Contract subject, or the routed one of `OutboxWriter.appendOnSubject`. */
  subject: string;
  attempts: number;
  payload: EventEnvelope;
}

/**
 * Publishes committed outbox rows to JetStream. Woken by NOTIFY on commit, which names the rows
 * (claimed by primary key), with a polling fallback that scans for the oldest. Rows are leased so
 * several replicas share the work, published with msgID = event id (a crash between publish and
 * marking republishes a duplicate JetStream drops), and marked published by the statement that
 * claims the next batch. Its statements run on a connection of its own ({@link RelaySession}), or
 * on the pool while that one is reconnecting (ADR 0009).
 */
@Injectable()
export class OutboxRelay implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(OutboxRelay.name);
  private readonly session: RelaySession;
  private pollTimer?: NodeJS.Timeout;
  private draining?: Promise<void>;
  private wakeAgain = false;
  private stopped = true;
  /** Ids named by notifications, not yet claimed. */
  private readonly notified = new Set<string>();
  /** Whether to look for the oldest available rows, notified or not. */
  private scanWanted = true;

  constructor(
    private readonly dataSource: DataSource,
    private readonly connection: JetStreamConnection,
    private readonly client: JetStreamClient,
    private readonly metrics: MessagingMetrics,
    registry: MetricsRegistry,
    @Inject(MESSAGING_OPTIONS) private readonly options: MessagingOptions,
  ) {
    this.session = new RelaySession({
      connectionString: (dataSource.options as { url?: string }).url,
      channel: OUTBOX_CHANNEL,
      onNotify: (payload) => this.onNotify(payload),
      retryDelayMs: options.outboxPollIntervalMs,
    });
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
    this.session.open();
    this.pollTimer = setInterval(() => this.wakeToScan(), this.options.outboxPollIntervalMs);
    // The connection may come up later than us; publish what accumulated as soon as it does.
    void this.connection.ready().then(
      () => this.wakeToScan(),
      () => undefined,
    );
    this.wakeToScan();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearInterval(this.pollTimer);
    await this.draining;
    await this.session.close();
  }

  /** Publishes one batch; returns how many rows were published. Used by tests and benchmarks. */
  async flushOnce(): Promise<number> {
    if (!this.connection.isConnected()) return 0;
    const published = await this.publish(await this.claimOldest([], this.options.outboxBatchSize));
    await this.markPublished(published);
    return published.length;
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

  private onNotify(payload: string | undefined): void {
    if (!payload) {
      this.wakeToScan();
      return;
    }
    for (const id of payload.split(',')) this.notified.add(id);
    if (this.notified.size > NOTIFIED_BACKLOG_MAX) {
      this.notified.clear();
      this.scanWanted = true;
    }
    this.wake();
  }

  private wakeToScan(): void {
    this.scanWanted = true;
    this.wake();
  }

  private async drain(): Promise<void> {
    let published: string[] = [];
    try {
      for (;;) {
        // Anything announced from now on is seen by the next claim.
        this.wakeAgain = false;
        const rows = await this.claimNext(published);
        published = [];
        if (rows === undefined || rows.length === 0) {
          if (rows === undefined || (!this.scanWanted && this.notified.size === 0)) return;
          continue;
        }
        published = await this.publish(rows);
      }
    } catch (error) {
      // Rows published but not marked are published again once their lease lapses; JetStream
      // drops the copies by Nats-Msg-Id.
      this.logger.error(`outbox relay failed: ${(error as Error).message}`);
    }
  }

  /**
   * Marks `published` and claims the next batch: notified rows first, else the oldest if a scan
   * is wanted. Undefined when there was nothing to do; stopping, or NATS gone, only marks.
   */
  private async claimNext(published: string[]): Promise<ClaimedRow[] | undefined> {
    const batch = this.options.outboxBatchSize;
    const canPublish = !this.stopped && this.connection.isConnected();
    if (canPublish && this.notified.size > 0) {
      const ids: string[] = [];
      for (const id of this.notified) {
        if (ids.length === batch) break;
        ids.push(id);
        this.notified.delete(id);
      }
      return this.query<ClaimedRow>(MARK_AND_CLAIM_NOTIFIED, [published, ids]);
    }
    if (canPublish && this.scanWanted) {
      const rows = await this.claimOldest(published, batch);
      // A full batch means more may be waiting.
      this.scanWanted = rows.length === batch;
      return rows;
    }
    await this.markPublished(published);
    return undefined;
  }

  private claimOldest(published: string[], limit: number): Promise<ClaimedRow[]> {
    return this.query<ClaimedRow>(MARK_AND_CLAIM_OLDEST, [published, limit]);
  }

  /** Marks `published` without claiming anything: the oldest-rows claim with a limit of 0. */
  private async markPublished(published: string[]): Promise<void> {
    if (published.length > 0) await this.claimOldest(published, 0);
  }

  /** Publishes the rows in order; returns the ids JetStream acknowledged, records the failures. */
  private async publish(rows: ClaimedRow[]): Promise<string[]> {
    const results = await Promise.allSettled(
      rows.map((row) => this.client.publishEnvelope(row.payload, undefined, row.subject)),
    );
    const published: string[] = [];
    for (const [index, result] of results.entries()) {
      if (result.status === 'fulfilled') published.push(rows[index].id);
      else await this.recordFailure(rows[index], result.reason);
    }
    return published;
  }

  private async recordFailure(row: ClaimedRow, reason: unknown): Promise<void> {
    this.metrics.publishFailures.inc();
    const delayMs = Math.min(MAX_RETRY_DELAY_MS, 500 * 2 ** Math.min(row.attempts, 10));
    await this.query(
      `UPDATE outbox_message SET attempts = attempts + 1, last_error = $2,
              available_at = now() + ($3 || ' milliseconds')::interval WHERE id = $1`,
      [row.id, String((reason as Error)?.message ?? reason).slice(0, 1000), String(delayMs)],
    );
  }

  private async query<T>(sql: string, params: unknown[]): Promise<T[]> {
    const session = this.session.connection;
    if (session) return (await session.query(sql, params)).rows as T[];
    return this.dataSource.query<T[]>(sql, params);
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
