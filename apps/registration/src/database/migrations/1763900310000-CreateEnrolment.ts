import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateEnrolment1763900310000 implements MigrationInterface {
  name = 'CreateEnrolment1763900310000';

  // No foreign key to beneficiary: that table belongs to the beneficiaries feature, which is
  // reached through its service only (merges and test truncation stay its own business).
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE enrolment (
        id uuid NOT NULL,
        beneficiary_id uuid NOT NULL,
        programme_id uuid NOT NULL,
        entered_on date NOT NULL,
        exited_on date NULL,
        exit_reason text NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT enrolment_pkey PRIMARY KEY (id),
        CONSTRAINT enrolment_programme_id_fkey FOREIGN KEY (programme_id) REFERENCES programme (id),
        CONSTRAINT enrolment_exit_order_check CHECK (exited_on IS NULL OR exited_on >= entered_on),
        CONSTRAINT enrolment_exit_reason_check CHECK (
          (exited_on IS NULL) = (exit_reason IS NULL)
          AND (exit_reason IS NULL OR exit_reason IN
               ('completed', 'dropped-out', 'no-longer-eligible', 'transferred', 'other'))
        )
      )`);
    // One open enrolment per beneficiary and programme; closed ones may repeat (re-entry).
    await queryRunner.query(`
      CREATE UNIQUE INDEX enrolment_beneficiary_id_programme_id_key
        ON enrolment (beneficiary_id, programme_id) WHERE exited_on IS NULL`);
    await queryRunner.query(
      'CREATE INDEX enrolment_beneficiary_id_created_at_idx ON enrolment (beneficiary_id, created_at DESC, id DESC)',
    );
    await queryRunner.query('CREATE INDEX enrolment_programme_id_idx ON enrolment (programme_id)');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX enrolment_programme_id_idx');
    await queryRunner.query('DROP INDEX enrolment_beneficiary_id_created_at_idx');
    await queryRunner.query('DROP INDEX enrolment_beneficiary_id_programme_id_key');
    await queryRunner.query('DROP TABLE enrolment');
  }
}
