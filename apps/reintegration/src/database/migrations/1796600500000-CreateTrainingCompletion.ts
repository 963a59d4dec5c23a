import type { MigrationInterface, QueryRunner } from 'typeorm';

// A read model of training's completed enrolments, keyed by training's enrolment id.
export class CreateTrainingCompletion1796600500000 implements MigrationInterface {
  name = 'CreateTrainingCompletion1796600500000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE training_completion (
        enrolment_id uuid NOT NULL,
        beneficiary_id uuid NOT NULL,
        course_id uuid NOT NULL,
        course_kind text NOT NULL,
        programme_code text NOT NULL,
        organising_org text NOT NULL,
        hours_attended numeric(6, 2) NOT NULL,
        sessions_attended int NOT NULL,
        sessions_held int NOT NULL,
        completed_at timestamptz NOT NULL,
        CONSTRAINT training_completion_pkey PRIMARY KEY (enrolment_id)
      )`);
    await queryRunner.query(
      'CREATE INDEX training_completion_beneficiary_id_idx ON training_completion (beneficiary_id)',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX training_completion_beneficiary_id_idx');
    await queryRunner.query('DROP TABLE training_completion');
  }
}
