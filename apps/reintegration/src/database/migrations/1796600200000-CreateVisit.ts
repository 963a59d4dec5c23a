import type { MigrationInterface, QueryRunner } from 'typeorm';

// Vocabularies are frozen here on purpose: a migration must not change when the code evolves.
export class CreateVisit1796600200000 implements MigrationInterface {
  name = 'CreateVisit1796600200000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE visit (
        id uuid NOT NULL,
        project_id uuid NOT NULL,
        owner_org text NOT NULL,
        sequence int NOT NULL,
        months_after int NOT NULL,
        due_on date NOT NULL,
        schedule_version text NOT NULL,
        overdue_at timestamptz NULL,
        visited_on date NULL,
        activity_running boolean NULL,
        monthly_income numeric(14,2) NULL,
        jobs_created int NULL,
        jobs_held_by_women int NULL,
        difficulties text[] NULL,
        support_status text NULL,
        next_steps text[] NULL,
        recorded_by text NULL,
        recorded_at timestamptz NULL,
        version int NOT NULL,
        created_at timestamptz NOT NULL,
        CONSTRAINT visit_pkey PRIMARY KEY (id),
        CONSTRAINT visit_project_id_fkey FOREIGN KEY (project_id)
          REFERENCES project (id) ON DELETE CASCADE,
        CONSTRAINT visit_project_id_sequence_key UNIQUE (project_id, sequence),
        CONSTRAINT visit_support_status_check CHECK (
          support_status IS NULL OR support_status IN ('ongoing', 'completed', 'dropout')
        ),
        CONSTRAINT visit_jobs_check CHECK (
          jobs_created >= 0 AND jobs_held_by_women >= 0 AND jobs_held_by_women <= jobs_created
        ),
        CONSTRAINT visit_monthly_income_check CHECK (monthly_income >= 0),
        CONSTRAINT visit_recorded_check CHECK (
          (recorded_at IS NULL) = (visited_on IS NULL)
          AND (recorded_at IS NULL) = (activity_running IS NULL)
          AND (recorded_at IS NULL) = (monthly_income IS NULL)
          AND (recorded_at IS NULL) = (support_status IS NULL)
        )
      )`);
    await queryRunner.query(`
      CREATE INDEX visit_owner_org_overdue_idx ON visit (owner_org, created_at DESC, id DESC)
      WHERE overdue_at IS NOT NULL AND recorded_at IS NULL`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX visit_owner_org_overdue_idx');
    await queryRunner.query('DROP TABLE visit');
  }
}
