import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type BeforeApplicationShutdown,
} from '@nestjs/common';
import { MetricsRegistry } from '@mrm/observability';
import { Clock } from '@mrm/timers';
import { Counter } from 'prom-client';
import { DataSource, type QueryRunner } from 'typeorm';
import type { MessagingOptions } from '../messaging.options';
import { MESSAGING_OPTIONS } from '../messaging.tokens';

const DAY_MS = 24 * 60 * 60 * 1000;
// Advisory-lock key of the pruning (one per database: replicas of a service share it).
const PRUNE_LOCK_KEY = 0x50524e45;

export type PruneOutcome = { outbox: number; inbox: number } | 'busy';

/**
 * Deletes published outbox rows older than `outboxRetentionDays` and inbox rows older than
 * `inboxRetentionDays`, in batches, every `pruneIntervalMs`. One replica prunes at a time (a
 * session advisory lock); the others skip their turn.
 */
@Injectable()
export class MessagePruner implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(MessagePruner.name);
  private readonly pruned: Counter<'table'>;
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<unknown> | undefined;

  constructor(
    @Inject(MESSAGING_OPTIONS) private readonly options: MessagingOptions,
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
    metrics: MetricsRegistry,
  ) {
    this.pruned = new Counter({
      name: 'mrm_messages_pruned_total',
      help: 'Published outbox rows and old inbox rows deleted by the retention schedule',
      labelNames: ['table'],
      registers: [metrics.registry],
    });
  }

  onApplicationBootstrap(): void {
    if (this.options.pruneIntervalMs <= 0) return;
    this.timer = setInterval(() => {
      if (this.running) return;
      this.running = this.pruneOnce()
        .catch((error: unknown) => this.logger.warn(`pruning failed: ${(error as Error).message}`))
        .finally(() => (this.running = undefined));
    }, this.options.pruneIntervalMs);
    this.timer.unref();
  }

  // Before the DataSource closes: a pass in progress finishes on a live pool.
  async beforeApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    await this.running;
  }

  /** One pass: both tables, batch after batch, until nothing old is left. */
  async pruneOnce(): Promise<PruneOutcome> {
    const runner = this.dataSource.createQueryRunner();
    await runner.connect();
    try {
      const [{ locked }] = (await runner.query('SELECT pg_try_advisory_lock($1) AS locked', [
        PRUNE_LOCK_KEY,
      ])) as Array<{ locked: boolean }>;
      if (!locked) return 'busy';
      try {
        const now = this.clock.now().getTime();
        const outbox = await this.deleteInBatches(
          runner,
          `DELETE FROM outbox_message WHERE id IN (SELECT id FROM outbox_message
             WHERE published_at < $1 ORDER BY published_at LIMIT $2)`,
          new Date(now - this.options.outboxRetentionDays * DAY_MS),
        );
        const inbox = await this.deleteInBatches(
          runner,
          `DELETE FROM inbox_message WHERE (consumer, message_id) IN (SELECT consumer, message_id
             FROM inbox_message WHERE processed_at < $1 ORDER BY processed_at LIMIT $2)`,
          new Date(now - this.options.inboxRetentionDays * DAY_MS),
        );
        this.pruned.inc({ table: 'outbox_message' }, outbox);
        this.pruned.inc({ table: 'inbox_message' }, inbox);
        return { outbox, inbox };
      } finally {
        await runner.query('SELECT pg_advisory_unlock($1)', [PRUNE_LOCK_KEY]);
      }
    } finally {
      await runner.release();
    }
  }

  // Each batch commits on its own: no long transaction, no long row locks.
  private async deleteInBatches(runner: QueryRunner, sql: string, before: Date): Promise<number> {
    let total = 0;
    for (;;) {
      const result = (await runner.query(sql, [before, this.options.pruneBatchSize], true)) as {
        affected?: number;
      };
      const deleted = result.affected ?? 0;
      total += deleted;
      if (deleted < this.options.pruneBatchSize) return total;
    }
  }
}
