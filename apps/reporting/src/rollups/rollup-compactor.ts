import {
  Inject,
  Injectable,
  Logger,
  type BeforeApplicationShutdown,
  type OnApplicationBootstrap,
} from '@nestjs/common';
import { MetricsRegistry } from '@mrm/observability';
import { SERVICE_CONFIG } from '@mrm/runtime';
import { Counter } from 'prom-client';
import { DataSource, type EntityManager } from 'typeorm';
import { LIVE_TABLES } from '../projections/fact-tables';
import type { ReportingConfig } from '../reporting.config';
import { DistinctRollupRepository } from './distinct-rollup.repository';
import { PEOPLE_TRAINED, ROLLUPS, type DistinctRollup, type Rollup } from './rollup-definitions';
import { RollupRepository } from './rollup.repository';

/** Advisory-lock key of the compaction (one per database: replicas of reporting share it). */
export const COMPACT_LOCK_KEY = 0x524f4c4c;

/**
 * Folds the projectors' pending deltas into the roll-ups every
 * `REPORTING_ROLLUP_COMPACT_INTERVAL_MS`. One replica compacts at a time (a session advisory
 * lock); the others skip their turn. Reads sum the pending rows too, so answers do not wait for it.
 */
@Injectable()
export class RollupCompactor implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(RollupCompactor.name);
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<unknown> | undefined;
  private readonly folded: Counter<'rollup'>;

  constructor(
    @Inject(SERVICE_CONFIG) private readonly config: ReportingConfig,
    private readonly dataSource: DataSource,
    private readonly rollups: RollupRepository,
    private readonly distinctRollups: DistinctRollupRepository,
    metrics: MetricsRegistry,
  ) {
    this.folded = new Counter({
      name: 'mrm_reporting_rollup_deltas_folded_total',
      help: 'Pending roll-up delta rows folded into their roll-up by the compactor',
      labelNames: ['rollup'],
      registers: [metrics.registry],
    });
  }

  onApplicationBootstrap(): void {
    const interval = this.config.REPORTING_ROLLUP_COMPACT_INTERVAL_MS;
    if (interval <= 0) return;
    this.timer = setInterval(() => {
      if (this.running) return;
      this.running = this.compactOnce()
        .catch((error: unknown) =>
          this.logger.warn(`compaction failed: ${(error as Error).message}`),
        )
        .finally(() => (this.running = undefined));
    }, interval);
    this.timer.unref();
  }

  // Before the DataSource closes: a pass in progress finishes on a live pool.
  async beforeApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    await this.running;
  }

  /** One pass over every roll-up, each in its own transaction; 'busy' if another replica is at it. */
  async compactOnce(): Promise<'done' | 'busy'> {
    const runner = this.dataSource.createQueryRunner();
    await runner.connect();
    try {
      const [{ locked }] = (await runner.query('SELECT pg_try_advisory_lock($1) AS locked', [
        COMPACT_LOCK_KEY,
      ])) as Array<{ locked: boolean }>;
      if (!locked) return 'busy';
      try {
        for (const rollup of Object.values(ROLLUPS)) {
          await this.inTransaction(runner.manager, rollup, (em) =>
            this.rollups.compact(em, LIVE_TABLES, rollup),
          );
        }
        await this.inTransaction(runner.manager, PEOPLE_TRAINED, (em) =>
          this.distinctRollups.compact(em, LIVE_TABLES, PEOPLE_TRAINED),
        );
        return 'done';
      } finally {
        await runner.query('SELECT pg_advisory_unlock($1)', [COMPACT_LOCK_KEY]);
      }
    } finally {
      await runner.release();
    }
  }

  // Pending before roll-up, the order the rebuild's swap locks them in, so neither waits on
  // the other in a cycle.
  private async inTransaction(
    manager: EntityManager,
    rollup: Rollup | DistinctRollup,
    compact: (em: EntityManager) => Promise<number>,
  ): Promise<void> {
    const moved = await manager.transaction(async (em) => {
      await em.query(`LOCK TABLE ${rollup.pending}, ${rollup.table} IN ROW EXCLUSIVE MODE`);
      return compact(em);
    });
    this.folded.inc({ rollup: rollup.table }, moved);
  }
}
