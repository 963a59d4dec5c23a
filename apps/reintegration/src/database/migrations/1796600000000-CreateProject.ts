import type { MigrationInterface, QueryRunner } from 'typeorm';

// Vocabularies are frozen here on purpose: a migration must not change when the code evolves.
// Member beneficiary ids point at the roster of another service's records: no foreign key.
export class CreateProject1796600000000 implements MigrationInterface {
  name = 'CreateProject1796600000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE project (
        id uuid NOT NULL,
        owner_org text NOT NULL,
        kind text NOT NULL,
        title text NOT NULL,
        sector text NOT NULL,
        region_code char(2) NOT NULL,
        commune text NOT NULL,
        programme_code text NULL,
        chain_code text NOT NULL,
        chain_version text NOT NULL,
        status text NOT NULL,
        operating_since date NULL,
        outcome text NULL,
        closed_at timestamptz NULL,
        version int NOT NULL,
        created_by text NOT NULL,
        created_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL,
        CONSTRAINT project_pkey PRIMARY KEY (id),
        CONSTRAINT project_kind_check CHECK (kind IN ('individual', 'collective', 'community')),
        CONSTRAINT project_status_check CHECK (status IN ('in-creation', 'operating', 'closed')),
        CONSTRAINT project_outcome_check CHECK (
          outcome IS NULL OR outcome IN ('sustainable', 'struggling', 'dormant', 'dissolved')
        ),
        CONSTRAINT project_closed_check CHECK ((status = 'closed') = (closed_at IS NOT NULL))
      )`);
    await queryRunner.query(
      'CREATE INDEX project_owner_org_created_at_idx ON project (owner_org, created_at DESC, id DESC)',
    );
    await queryRunner.query(`
      CREATE TABLE project_member (
        project_id uuid NOT NULL,
        beneficiary_id uuid NOT NULL,
        role text NOT NULL,
        joined_at timestamptz NOT NULL,
        CONSTRAINT project_member_pkey PRIMARY KEY (project_id, beneficiary_id),
        CONSTRAINT project_member_project_id_fkey FOREIGN KEY (project_id)
          REFERENCES project (id) ON DELETE CASCADE,
        CONSTRAINT project_member_role_check CHECK (
          role IN ('owner', 'president', 'vice-president', 'treasurer', 'secretary', 'member')
        )
      )`);
    await queryRunner.query(
      'CREATE INDEX project_member_beneficiary_id_idx ON project_member (beneficiary_id)',
    );
    await queryRunner.query(`
      CREATE TABLE project_budget_line (
        id uuid NOT NULL,
        project_id uuid NOT NULL,
        position int NOT NULL,
        kind text NOT NULL,
        label text NOT NULL,
        amount numeric(14,2) NOT NULL,
        CONSTRAINT project_budget_line_pkey PRIMARY KEY (id),
        CONSTRAINT project_budget_line_project_id_fkey FOREIGN KEY (project_id)
          REFERENCES project (id) ON DELETE CASCADE,
        CONSTRAINT project_budget_line_project_id_position_key UNIQUE (project_id, position),
        CONSTRAINT project_budget_line_kind_check CHECK (kind IN ('cash', 'in-kind')),
        CONSTRAINT project_budget_line_amount_check CHECK (amount > 0)
      )`);
    await queryRunner.query(`
      CREATE TABLE project_tranche (
        id uuid NOT NULL,
        project_id uuid NOT NULL,
        sequence int NOT NULL,
        amount numeric(14,2) NOT NULL,
        planned_on date NOT NULL,
        paying_org text NOT NULL,
        paid_on date NULL,
        paid_by text NULL,
        created_at timestamptz NOT NULL,
        CONSTRAINT project_tranche_pkey PRIMARY KEY (id),
        CONSTRAINT project_tranche_project_id_fkey FOREIGN KEY (project_id)
          REFERENCES project (id) ON DELETE CASCADE,
        CONSTRAINT project_tranche_project_id_sequence_key UNIQUE (project_id, sequence),
        CONSTRAINT project_tranche_amount_check CHECK (amount > 0),
        CONSTRAINT project_tranche_paid_check CHECK ((paid_on IS NULL) = (paid_by IS NULL))
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE project_tranche');
    await queryRunner.query('DROP TABLE project_budget_line');
    await queryRunner.query('DROP INDEX project_member_beneficiary_id_idx');
    await queryRunner.query('DROP TABLE project_member');
    await queryRunner.query('DROP INDEX project_owner_org_created_at_idx');
    await queryRunner.query('DROP TABLE project');
  }
}
