import { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateBeneficiary1763900100000 implements MigrationInterface {
  name = 'CreateBeneficiary1763900100000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('CREATE SEQUENCE beneficiary_reference_seq');
    await queryRunner.query(`
      CREATE TABLE beneficiary (
        id uuid NOT NULL,
        reference text NOT NULL,
        owner_org text NOT NULL,
        category text NOT NULL,
        sex text NOT NULL,
        birth_date date NULL,
        birth_year int NOT NULL,
        birth_year_estimated boolean NOT NULL DEFAULT false,
        nationality char(2) NOT NULL,
        region_code char(2) NOT NULL,
        programme_code text NULL,
        status text NOT NULL DEFAULT 'registered',
        version int NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT beneficiary_pkey PRIMARY KEY (id),
        CONSTRAINT beneficiary_reference_key UNIQUE (reference),
        CONSTRAINT beneficiary_status_check CHECK (status IN ('registered', 'active', 'closed'))
      )`);
    await queryRunner.query('CREATE INDEX beneficiary_owner_org_idx ON beneficiary (owner_org)');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX beneficiary_owner_org_idx');
    await queryRunner.query('DROP TABLE beneficiary');
    await queryRunner.query('DROP SEQUENCE beneficiary_reference_seq');
  }
}
