import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateIdempotencyRecord1763900000100 implements MigrationInterface {
  name = 'CreateIdempotencyRecord1763900000100';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE idempotency_record (
        principal text NOT NULL,
        key text NOT NULL,
        request_hash text NOT NULL,
        status int NULL,
        response_body text NULL,
        response_headers jsonb NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        expires_at timestamptz NOT NULL,
        CONSTRAINT idempotency_record_pkey PRIMARY KEY (principal, key)
      )`);
    await queryRunner.query(
      'CREATE INDEX idempotency_record_expires_at_idx ON idempotency_record (expires_at)',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX idempotency_record_expires_at_idx');
    await queryRunner.query('DROP TABLE idempotency_record');
  }
}
