import type { MigrationInterface, QueryRunner } from 'typeorm';

// A chain version is immutable once loaded: projects keep following the version they started on.
export class CreateMilestoneChain1796600100000 implements MigrationInterface {
  name = 'CreateMilestoneChain1796600100000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE milestone_chain (
        code text NOT NULL,
        version text NOT NULL,
        definition jsonb NOT NULL,
        loaded_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT milestone_chain_pkey PRIMARY KEY (code, version)
      )`);
    await queryRunner.query(`
      CREATE TABLE project_milestone (
        project_id uuid NOT NULL,
        code text NOT NULL,
        position int NOT NULL,
        reached_on date NOT NULL,
        evidence_ref text NOT NULL,
        amount numeric(14,2) NULL,
        override_reason text NULL,
        recorded_by text NOT NULL,
        recorded_at timestamptz NOT NULL,
        CONSTRAINT project_milestone_pkey PRIMARY KEY (project_id, code),
        CONSTRAINT project_milestone_project_id_position_key UNIQUE (project_id, position),
        CONSTRAINT project_milestone_project_id_fkey FOREIGN KEY (project_id)
          REFERENCES project (id) ON DELETE CASCADE
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE project_milestone');
    await queryRunner.query('DROP TABLE milestone_chain');
  }
}
