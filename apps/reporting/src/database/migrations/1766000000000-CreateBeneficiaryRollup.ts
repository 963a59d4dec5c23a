import { MigrationInterface, QueryRunner } from 'typeorm';
import { LIVE_TABLES } from '../../projections/fact-tables';
import { BeneficiaryRollupRepository } from '../../rollups/beneficiary-rollup.repository';

export class CreateBeneficiaryRollup1766000000000 implements MigrationInterface {
  name = 'CreateBeneficiaryRollup1766000000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    // A dimension outside the grain is NULL, as is an unknown value inside it: the grain tells
    // them apart, and NULLS NOT DISTINCT lets the delta upserts find either row.
    await queryRunner.query(`
      CREATE TABLE beneficiary_rollup (
        measure text NOT NULL,
        grain text NOT NULL,
        month date NOT NULL,
        sex text NULL,
        age_band text NULL,
        nationality text NULL,
        category text NULL,
        region_code text NULL,
        programme_code text NULL,
        owner_org text NULL,
        people int NOT NULL,
        CONSTRAINT beneficiary_rollup_key UNIQUE NULLS NOT DISTINCT
          (measure, grain, month, sex, age_band, nationality, category, region_code,
           programme_code, owner_org)
      )`);
    // Rows a delta brought to zero, found without a scan and deleted by the same projector.
    await queryRunner.query(
      'CREATE INDEX beneficiary_rollup_empty_idx ON beneficiary_rollup (measure) WHERE people = 0',
    );
    // Filled from the facts already projected; from now on the projector adds the deltas.
    await new BeneficiaryRollupRepository().fill(queryRunner.manager, LIVE_TABLES);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX beneficiary_rollup_empty_idx');
    await queryRunner.query('DROP TABLE beneficiary_rollup');
  }
}
