import { MigrationInterface, QueryRunner } from 'typeorm';

// Dimension columns are nullable: a merge or erasure can arrive before the registration it follows.
// IF NOT EXISTS: databases created before the lib owned this migration already have the table.
export class CreateRosterBeneficiary1795452900000 implements MigrationInterface {
  name = 'CreateRosterBeneficiary1795452900000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE IF NOT EXISTS roster_beneficiary (
        beneficiary_id uuid NOT NULL,
        owner_org text NULL,
        category text NULL,
        sex text NULL,
        birth_year int NULL,
        nationality char(2) NULL,
        region_code char(2) NULL,
        programme_code text NULL,
        version int NOT NULL DEFAULT 0,
        merged_into uuid NULL,
        erased_at timestamptz NULL,
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT roster_beneficiary_pkey PRIMARY KEY (beneficiary_id)
      )`);
    await queryRunner.query(
      'CREATE INDEX IF NOT EXISTS roster_beneficiary_owner_org_idx ON roster_beneficiary (owner_org)',
    );
    await queryRunner.query(`
      CREATE INDEX IF NOT EXISTS roster_beneficiary_merged_into_idx ON roster_beneficiary (merged_into)
      WHERE merged_into IS NOT NULL`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX roster_beneficiary_merged_into_idx');
    await queryRunner.query('DROP INDEX roster_beneficiary_owner_org_idx');
    await queryRunner.query('DROP TABLE roster_beneficiary');
  }
}
