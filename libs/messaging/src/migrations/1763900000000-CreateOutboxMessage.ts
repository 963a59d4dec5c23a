import { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateOutboxMessage1763900000000 implements MigrationInterface {
  name = 'CreateOutboxMessage1763900000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE outbox_message (
        id uuid NOT NULL,
        type text NOT NULL,
        subject text NOT NULL,
        payload jsonb NOT NULL,
        occurred_at timestamptz NOT NULL,
        published_at timestamptz NULL,
        attempts int NOT NULL DEFAULT 0,
        last_error text NULL,
        available_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT outbox_message_pkey PRIMARY KEY (id)
      )`);
    await queryRunner.query(`
      CREATE INDEX outbox_message_unpublished_idx ON outbox_message (occurred_at)
      WHERE published_at IS NULL`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX outbox_message_unpublished_idx');
    await queryRunner.query('DROP TABLE outbox_message');
  }
}
