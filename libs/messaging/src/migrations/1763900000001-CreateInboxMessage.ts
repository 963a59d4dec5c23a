import { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateInboxMessage1763900000001 implements MigrationInterface {
  name = 'CreateInboxMessage1763900000001';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE inbox_message (
        consumer text NOT NULL,
        message_id uuid NOT NULL,
        type text NOT NULL,
        processed_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT inbox_message_pkey PRIMARY KEY (consumer, message_id)
      )`);
    await queryRunner.query(
      'CREATE INDEX inbox_message_processed_at_idx ON inbox_message (processed_at)',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX inbox_message_processed_at_idx');
    await queryRunner.query('DROP TABLE inbox_message');
  }
}
