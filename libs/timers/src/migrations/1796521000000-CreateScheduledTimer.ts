import { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateScheduledTimer1796521000000 implements MigrationInterface {
  name = 'CreateScheduledTimer1796521000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE scheduled_timer (
        id uuid NOT NULL,
        kind text NOT NULL,
        key text NOT NULL,
        due_at timestamptz NOT NULL,
        available_at timestamptz NOT NULL,
        data jsonb NOT NULL DEFAULT '{}'::jsonb,
        fired_at timestamptz NULL,
        attempts int NOT NULL DEFAULT 0,
        last_error text NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT scheduled_timer_pkey PRIMARY KEY (id),
        CONSTRAINT scheduled_timer_kind_key_key UNIQUE (kind, key)
      )`);
    // The sweep reads only unfired timers, oldest first.
    await queryRunner.query(`
      CREATE INDEX scheduled_timer_available_idx ON scheduled_timer (available_at)
      WHERE fired_at IS NULL`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX scheduled_timer_available_idx');
    await queryRunner.query('DROP TABLE scheduled_timer');
  }
}
