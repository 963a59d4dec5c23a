import type { MigrationInterface, QueryRunner } from 'typeorm';

// Each revision is kept whole in plan_revision: the history a coordinator approves against.
export class CreatePlan1796600400000 implements MigrationInterface {
  name = 'CreatePlan1796600400000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE plan (
        id uuid NOT NULL,
        beneficiary_id uuid NOT NULL,
        owner_org text NOT NULL,
        status text NOT NULL,
        revision int NOT NULL,
        reference_date date NOT NULL,
        due_on date NOT NULL,
        assessment jsonb NOT NULL,
        objectives text[] NOT NULL,
        assistance jsonb NOT NULL,
        approved_by text NULL,
        approved_at timestamptz NULL,
        version int NOT NULL,
        created_by text NOT NULL,
        created_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL,
        CONSTRAINT plan_pkey PRIMARY KEY (id),
        CONSTRAINT plan_status_check CHECK (status IN ('draft', 'approved')),
        CONSTRAINT plan_approval_check CHECK (
          (status = 'approved') = (approved_at IS NOT NULL)
          AND (approved_at IS NULL) = (approved_by IS NULL)
        )
      )`);
    await queryRunner.query('CREATE INDEX plan_beneficiary_id_idx ON plan (beneficiary_id)');
    await queryRunner.query(`
      CREATE TABLE plan_revision (
        plan_id uuid NOT NULL,
        revision int NOT NULL,
        assessment jsonb NOT NULL,
        objectives text[] NOT NULL,
        assistance jsonb NOT NULL,
        revised_by text NOT NULL,
        revised_at timestamptz NOT NULL,
        approved_by text NULL,
        approved_at timestamptz NULL,
        CONSTRAINT plan_revision_pkey PRIMARY KEY (plan_id, revision),
        CONSTRAINT plan_revision_plan_id_fkey FOREIGN KEY (plan_id)
          REFERENCES plan (id) ON DELETE CASCADE
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE plan_revision');
    await queryRunner.query('DROP INDEX plan_beneficiary_id_idx');
    await queryRunner.query('DROP TABLE plan');
  }
}
