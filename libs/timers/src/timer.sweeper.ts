import {
  BeforeApplicationShutdown,
  Inject,
  Injectable,
  Logger,
  OnApplicationBootstrap,
} from '@nestjs/common';
import { MetricsRegistry } from '@mrm/observability';
import { Counter } from 'prom-client';
import { DataSource, type EntityManager } from 'typeorm';
import { Clock } from './clock';
import { TIMERS_OPTIONS, type TimersOptions } from './timers.options';

/** A timer handed to its handler. */
export interface DueTimer {
  readonly id: string;
  readonly kind: string;
  readonly key: string;
  readonly dueAt: Date;
  readonly data: Record<string, unknown>;
  /** Failed attempts before this one. */
  readonly attempts: number;
}

/** Runs in the sweep's transaction: write the state change and its outbox event with `em`. */
export type TimerHandler = (em: EntityManager, timer: DueTimer) => Promise<void>;

/**
 * Runs in the sweep's transaction for the due timers of one kind claimed together: write every
 * state change and outbox event with `em`, in a few statements for the whole batch.
 */
export type TimerBatchHandler = (em: EntityManager, timers: readonly DueTimer[]) => Promise<void>;

interface TimerRow {
  id: string;
  kind: string;
  key: string;
  due_at: Date;
  data: Record<string, unknown>;
  attempts: number;
}

const MAX_RETRY_DELAY_MS = 3_600_000;

// Due timers of the kinds this process handles, oldest first; a timer another replica holds is
// skipped, and once it commits `fired_at` no sweep takes it again.
const CLAIM_DUE = `
  SELECT id, kind, key, due_at, data, attempts FROM scheduled_timer
   WHERE fired_at IS NULL AND available_at <= $1 AND kind = ANY($2::text[])
   ORDER BY available_at
   LIMIT $3
   FOR UPDATE SKIP LOCKED`;

/**
 * Fires due timers once across replicas: claims them with `FOR UPDATE SKIP LOCKED`, runs the
 * handler of each kind once for the claimed timers of that kind under a savepoint, and marks them
 * fired in the same transaction, so a crash fires them again and a commit fires them never again.
 * If a handler fails, its timers are run again one by one: the failing one is retried later with
 * backoff, the others of its batch still fire.
 */
@Injectable()
export class TimerSweeper implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(TimerSweeper.name);
  private readonly handlers = new Map<string, TimerBatchHandler>();
  private readonly fired: Counter<'kind' | 'outcome'>;
  private loop?: NodeJS.Timeout;
  private running?: Promise<number>;

  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
    @Inject(TIMERS_OPTIONS) private readonly options: TimersOptions,
    metrics: MetricsRegistry,
  ) {
    this.fired = new Counter({
      name: 'mrm_timers_fired_total',
      help: 'Durable timers run by the sweeper, by kind and outcome (fired or failed)',
      labelNames: ['kind', 'outcome'],
      registers: [metrics.registry],
    });
  }

  /** Registers the handler of one kind of timer; call it from a feature's `onModuleInit`. */
  register(kind: string, handler: TimerHandler): void {
    this.registerBatch(kind, async (em, timers) => {
      for (const timer of timers) await handler(em, timer);
    });
  }

  /**
   * Registers a handler given every claimed timer of its kind at once, for kinds that fire in
   * bulk (a day's deadlines): a few statements per batch instead of a few per timer.
   */
  registerBatch(kind: string, handler: TimerBatchHandler): void {
    if (this.handlers.has(kind)) {
      throw new Error(`A timer handler for ${kind} is already registered`);
    }
    this.handlers.set(kind, handler);
  }

  onApplicationBootstrap(): void {
    if (this.options.sweepIntervalMs === 0) return;
    this.loop = setInterval(() => this.tick(), this.options.sweepIntervalMs);
    this.loop.unref();
  }

  async beforeApplicationShutdown(): Promise<void> {
    clearInterval(this.loop);
    await this.running;
  }

  /** Fires every timer due by the clock's now; returns how many fired. */
  async sweepOnce(): Promise<number> {
    if (this.handlers.size === 0) return 0;
    let fired = 0;
    for (;;) {
      const batch = await this.dataSource.transaction((em) => this.fireBatch(em));
      fired += batch.fired;
      if (batch.claimed < this.options.batchSize) return fired;
    }
  }

  private tick(): void {
    if (this.running) return;
    this.running = this.sweepOnce()
      .catch((error: unknown) => {
        this.logger.warn(`timer sweep failed, retrying next tick: ${(error as Error).message}`);
        return 0;
      })
      .finally(() => (this.running = undefined));
  }

  private async fireBatch(em: EntityManager): Promise<{ claimed: number; fired: number }> {
    const now = this.clock.now();
    const rows: TimerRow[] = await em.query(CLAIM_DUE, [
      now,
      [...this.handlers.keys()],
      this.options.batchSize,
    ]);
    const fired: DueTimer[] = [];
    for (const [kind, timers] of groupByKind(rows)) {
      fired.push(...(await this.fireKind(em, kind, timers, now)));
    }
    if (fired.length > 0) {
      await em.query('UPDATE scheduled_timer SET fired_at = $2 WHERE id = ANY($1::uuid[])', [
        fired.map((timer) => timer.id),
        now,
      ]);
    }
    return { claimed: rows.length, fired: fired.length };
  }

  // All of a kind in one call; when that fails, one by one to tell the failing timer from the rest.
  private async fireKind(
    em: EntityManager,
    kind: string,
    timers: DueTimer[],
    now: Date,
  ): Promise<DueTimer[]> {
    const failure = await this.attempt(em, kind, timers);
    if (!failure) {
      this.fired.inc({ kind, outcome: 'fired' }, timers.length);
      return timers;
    }
    if (timers.length === 1) {
      await this.postpone(em, timers[0], failure, now);
      return [];
    }
    const fired: DueTimer[] = [];
    for (const timer of timers) {
      const error = await this.attempt(em, kind, [timer]);
      if (error) {
        await this.postpone(em, timer, error, now);
      } else {
        this.fired.inc({ kind, outcome: 'fired' });
        fired.push(timer);
      }
    }
    return fired;
  }

  // The handler's writes are undone if it throws, and the sweep's transaction stays usable.
  private async attempt(
    em: EntityManager,
    kind: string,
    timers: DueTimer[],
  ): Promise<Error | undefined> {
    await em.query('SAVEPOINT timer_fire');
    try {
      await this.handlers.get(kind)!(em, timers);
      await em.query('RELEASE SAVEPOINT timer_fire');
      return undefined;
    } catch (error) {
      await em.query('ROLLBACK TO SAVEPOINT timer_fire');
      return error as Error;
    }
  }

  private async postpone(em: EntityManager, timer: DueTimer, error: Error, now: Date) {
    const retryAt = new Date(now.getTime() + retryDelayMs(timer.attempts));
    await em.query(
      `UPDATE scheduled_timer SET attempts = attempts + 1, last_error = $2, available_at = $3
        WHERE id = $1`,
      [timer.id, String(error.message).slice(0, 1000), retryAt],
    );
    this.fired.inc({ kind: timer.kind, outcome: 'failed' });
    this.logger.warn(`timer ${timer.kind}/${timer.key} failed: ${error.message}`);
  }
}

// Claimed order (oldest first) is kept within each kind.
function groupByKind(rows: readonly TimerRow[]): Map<string, DueTimer[]> {
  const byKind = new Map<string, DueTimer[]>();
  for (const { due_at, ...row } of rows) {
    const timers = byKind.get(row.kind) ?? [];
    timers.push({ ...row, dueAt: due_at });
    byKind.set(row.kind, timers);
  }
  return byKind;
}

function retryDelayMs(attempts: number): number {
  return Math.min(1000 * 2 ** attempts, MAX_RETRY_DELAY_MS);
}
