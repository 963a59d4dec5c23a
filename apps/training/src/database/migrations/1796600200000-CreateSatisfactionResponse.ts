import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateSatisfactionResponse1796600200000 implements MigrationInterface {
  name = 'CreateSatisfactionResponse1796600200000';

  // No enrolment id: an anonymous answer must not lead back to the person.
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE satisfaction_response (
        id uuid NOT NULL,
        course_id uuid NOT NULL,
        beneficiary_id uuid NULL,
        overall smallint NOT NULL,
        usefulness smallint NOT NULL,
        would_recommend boolean NOT NULL,
        comment text NULL,
        recorded_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT satisfaction_response_pkey PRIMARY KEY (id),
        CONSTRAINT satisfaction_response_course_id_fkey FOREIGN KEY (course_id) REFERENCES course (id),
        CONSTRAINT satisfaction_response_overall_check CHECK (overall BETWEEN 1 AND 5),
        CONSTRAINT satisfaction_response_usefulness_check CHECK (usefulness BETWEEN 1 AND 5)
      )`);
    await queryRunner.query(
      'CREATE INDEX satisfaction_response_course_id_idx ON satisfaction_response (course_id)',
    );
    await queryRunner.query(`
      CREATE INDEX satisfaction_response_beneficiary_id_idx ON satisfaction_response (beneficiary_id)
      WHERE beneficiary_id IS NOT NULL`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX satisfaction_response_beneficiary_id_idx');
    await queryRunner.query('DROP INDEX satisfaction_response_course_id_idx');
    await queryRunner.query('DROP TABLE satisfaction_response');
  }
}
