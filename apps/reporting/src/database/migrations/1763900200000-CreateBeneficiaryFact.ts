import { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateBeneficiaryFact1763900200000 implements MigrationInterface {
  name = 'CreateBeneficiaryFact1763900200000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE beneficiary_fact (
        beneficiary_id uuid NOT NULL,
        owner_org text NULL,
        category text NULL,
        sex text NULL,
        birth_year int NULL,
        nationality text NULL,
        region_code text NULL,
        programme_code text NULL,
        registered_at timestamptz NULL,
        closed_at timestamptz NULL,
        merged_into uuid NULL,
        erased_at timestamptz NULL,
        version int NOT NULL DEFAULT 0,
        CONSTRAINT beneficiary_fact_pkey PRIMARY KEY (beneficiary_id)
      )`);
    await queryRunner.query(
      'CREATE INDEX beneficiary_fact_registered_at_idx ON beneficiary_fact (registered_at)',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX beneficiary_fact_registered_at_idx');
    await queryRunner.query('DROP TABLE beneficiary_fact');
  }
}
