import type { MigrationInterface, QueryRunner } from 'typeorm';

const KINDS = `'collective-awareness', 'personal-development', 'entrepreneurship-marketing',
  'agriculture-initiation', 'handicraft-initiation', 'migration-project-preparation',
  'vocational-training', 'language', 'other'`;

export class CreateCourse1796600000000 implements MigrationInterface {
  name = 'CreateCourse1796600000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE course (
        id uuid NOT NULL,
        title text NOT NULL,
        kind text NOT NULL,
        programme_code text NOT NULL,
        organising_org text NOT NULL,
        trainer_ids text[] NOT NULL,
        languages text[] NOT NULL,
        region_code char(2) NOT NULL,
        venue text NULL,
        capacity int NOT NULL,
        target_categories text[] NOT NULL,
        starts_on date NOT NULL,
        ends_on date NOT NULL,
        min_attendance_percent int NOT NULL DEFAULT 80,
        assessment_required boolean NOT NULL DEFAULT false,
        status text NOT NULL DEFAULT 'draft',
        cancellation_reason text NULL,
        completed_at timestamptz NULL,
        version int NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT course_pkey PRIMARY KEY (id),
        CONSTRAINT course_kind_check CHECK (kind IN (${KINDS})),
        CONSTRAINT course_status_check
          CHECK (status IN ('draft', 'open', 'running', 'completed', 'cancelled')),
        CONSTRAINT course_cancellation_reason_check
          CHECK ((status = 'cancelled') = (cancellation_reason IS NOT NULL)),
        CONSTRAINT course_capacity_check CHECK (capacity BETWEEN 1 AND 1000),
        CONSTRAINT course_period_check CHECK (ends_on >= starts_on),
        CONSTRAINT course_min_attendance_percent_check
          CHECK (min_attendance_percent BETWEEN 0 AND 100)
      )`);
    await queryRunner.query(
      'CREATE INDEX course_created_at_id_idx ON course (created_at DESC, id DESC)',
    );
    await queryRunner.query('CREATE INDEX course_organising_org_idx ON course (organising_org)');
    await queryRunner.query(
      'CREATE INDEX course_trainer_ids_idx ON course USING gin (trainer_ids)',
    );
    await queryRunner.query(`
      CREATE TABLE course_session (
        id uuid NOT NULL,
        course_id uuid NOT NULL,
        starts_at timestamptz NOT NULL,
        ends_at timestamptz NOT NULL,
        venue text NULL,
        online_link text NULL,
        trainer_id text NULL,
        status text NOT NULL DEFAULT 'scheduled',
        cancellation_reason text NULL,
        version int NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT course_session_pkey PRIMARY KEY (id),
        CONSTRAINT course_session_course_id_fkey FOREIGN KEY (course_id) REFERENCES course (id),
        CONSTRAINT course_session_period_check CHECK (ends_at > starts_at),
        CONSTRAINT course_session_status_check CHECK (status IN ('scheduled', 'cancelled')),
        CONSTRAINT course_session_cancellation_reason_check
          CHECK ((status = 'cancelled') = (cancellation_reason IS NOT NULL))
      )`);
    await queryRunner.query(
      'CREATE INDEX course_session_course_id_starts_at_idx ON course_session (course_id, starts_at)',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX course_session_course_id_starts_at_idx');
    await queryRunner.query('DROP TABLE course_session');
    await queryRunner.query('DROP INDEX course_trainer_ids_idx');
    await queryRunner.query('DROP INDEX course_organising_org_idx');
    await queryRunner.query('DROP INDEX course_created_at_id_idx');
    await queryRunner.query('DROP TABLE course');
  }
}
