import { DynamicModule, Injectable, Module, OnModuleInit } from '@nestjs/common';
import { ServiceCoreModule, timersOptionsFrom, type ServiceConfig } from '@mrm/runtime';
import {
  ScheduledTimerEntity,
  TIMER_MIGRATIONS,
  TimersModule,
  TimerSweeper,
  type DueTimer,
} from '@mrm/timers';
import type { EntityManager, MigrationInterface, QueryRunner } from 'typeorm';

/** A table the test handler writes to, in the sweep's transaction. */
export class CreateTimerLog1796521000001 implements MigrationInterface {
  name = 'CreateTimerLog1796521000001';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('CREATE TABLE timer_log (timer_key text NOT NULL, due_at timestamptz)');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE timer_log');
  }
}

/** Keys whose handler throws after writing, so the test sees the savepoint undo the write. */
export const FAILING_KEYS = new Set<string>();

/** How many timers each call of the batch handler was given, in call order. */
export const DIGEST_CALLS: number[] = [];

@Injectable()
class ReminderFeature implements OnModuleInit {
  constructor(private readonly sweeper: TimerSweeper) {}

  onModuleInit(): void {
    this.sweeper.register('test.reminder', (em, timer) => this.remind(em, timer));
    this.sweeper.registerBatch('test.digest', (em, timers) => this.digest(em, timers));
  }

  private async digest(em: EntityManager, timers: readonly DueTimer[]): Promise<void> {
    DIGEST_CALLS.push(timers.length);
    await em.query(
      'INSERT INTO timer_log (timer_key, due_at) SELECT * FROM unnest($1::text[], $2::timestamptz[])',
      [timers.map((timer) => timer.key), timers.map((timer) => timer.dueAt)],
    );
    const failing = timers.find((timer) => FAILING_KEYS.has(timer.key));
    if (failing) throw new Error(`digest ${failing.key} refused`);
  }

  private async remind(em: EntityManager, timer: DueTimer): Promise<void> {
    await em.query('INSERT INTO timer_log (timer_key, due_at) VALUES ($1, $2)', [
      timer.key,
      timer.dueAt,
    ]);
    if (FAILING_KEYS.has(timer.key)) throw new Error(`reminder ${timer.key} refused`);
  }
}

/** A service made of the platform core, the timers and one kind of timer. */
@Module({})
export class TimerTestModule {
  static forRoot(config: ServiceConfig): DynamicModule {
    return {
      module: TimerTestModule,
      imports: [
        ServiceCoreModule.forService({
          service: 'reintegration',
          config,
          entities: [ScheduledTimerEntity],
          migrations: [...TIMER_MIGRATIONS, CreateTimerLog1796521000001],
        }),
        TimersModule.forService(timersOptionsFrom(config)),
      ],
      providers: [ReminderFeature],
    };
  }
}
