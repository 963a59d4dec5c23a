import { MigrationInterface, QueryRunner } from 'typeorm';

/** The retention schedule deletes published rows by age: find them without a full scan. */
export class IndexPublishedOutbox1763900000002 implements MigrationInterface {
  name = 'IndexPublishedOutbox1763900000002';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE INDEX outbox_message_published_at_idx ON outbox_message (published_at) WHERE published_at IS NOT NULL',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX outbox_message_published_at_idx');
  }
}
