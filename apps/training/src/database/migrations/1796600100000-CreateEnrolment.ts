import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateEnrolment1796600100000 implements MigrationInterface {
  name = 'CreateEnrolment1796600100000';

  // beneficiary_id is null once the beneficiary was erased: the row stays as an anonymous count.
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE enrolment (
        id uuid NOT NULL,
        course_id uuid NOT NULL,
        beneficiary_id uuid NULL,
        category text NOT NULL,
        sex text NOT NULL,
        birth_year int NOT NULL,
        status text NOT NULL,
        waiting_position int NULL,
        withdrawal_reason text NULL,
        assessment_passed boolean NULL,
        outcome text NULL,
        outcome_reason text NULL,
        sessions_attended int NULL,
        hours_attended numeric(7,2) NULL,
        completed_at timestamptz NULL,
        satisfaction_recorded_at timestamptz NULL,
        version int NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT enrolment_pkey PRIMARY KEY (id),
        CONSTRAINT enrolment_course_id_fkey FOREIGN KEY (course_id) REFERENCES course (id),
        CONSTRAINT enrolment_course_id_beneficiary_id_key UNIQUE (course_id, beneficiary_id),
        CONSTRAINT enrolment_status_check CHECK (status IN ('enrolled', 'waiting', 'withdrawn')),
        CONSTRAINT enrolment_waiting_position_check
          CHECK ((status = 'waiting') = (waiting_position IS NOT NULL)),
        CONSTRAINT enrolment_withdrawal_reason_check
          CHECK ((status = 'withdrawn') = (withdrawal_reason IS NOT NULL)),
        CONSTRAINT enrolment_outcome_check
          CHECK (outcome IS NULL OR outcome IN ('completed', 'not-completed'))
      )`);
    await queryRunner.query(
      'CREATE INDEX enrolment_course_id_status_idx ON enrolment (course_id, status, waiting_position)',
    );
    await queryRunner.query(
      'CREATE INDEX enrolment_beneficiary_id_idx ON enrolment (beneficiary_id) WHERE beneficiary_id IS NOT NULL',
    );
    await queryRunner.query(`
      CREATE TABLE attendance (
        session_id uuid NOT NULL,
        enrolment_id uuid NOT NULL,
        status text NOT NULL,
        recorded_by text NOT NULL,
        recorded_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT attendance_pkey PRIMARY KEY (session_id, enrolment_id),
        CONSTRAINT attendance_session_id_fkey FOREIGN KEY (session_id) REFERENCES course_session (id),
        CONSTRAINT attendance_enrolment_id_fkey FOREIGN KEY (enrolment_id) REFERENCES enrolment (id),
        CONSTRAINT attendance_status_check CHECK (status IN ('present', 'absent', 'excused'))
      )`);
    await queryRunner.query(
      'CREATE INDEX attendance_enrolment_id_idx ON attendance (enrolment_id)',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX attendance_enrolment_id_idx');
    await queryRunner.query('DROP TABLE attendance');
    await queryRunner.query('DROP INDEX enrolment_beneficiary_id_idx');
    await queryRunner.query('DROP INDEX enrolment_course_id_status_idx');
    await queryRunner.query('DROP TABLE enrolment');
  }
}
