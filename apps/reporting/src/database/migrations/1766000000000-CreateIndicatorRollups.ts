import { MigrationInterface, QueryRunner } from 'typeorm';
import { LIVE_TABLES } from '../../projections/fact-tables';
import { DistinctRollupRepository } from '../../rollups/distinct-rollup.repository';
import { PEOPLE_TRAINED, ROLLUPS } from '../../rollups/rollup-definitions';
import { RollupRepository } from '../../rollups/rollup.repository';

const DIMENSIONS = {
  beneficiary_rollup: [
    'sex',
    'age_band',
    'nationality',
    'category',
    'region_code',
    'programme_code',
    'owner_org',
  ],
  enrolment_rollup: [
    'sex',
    'age_band',
    'category',
    'region_code',
    'programme_code',
    'organising_org',
    'course_kind',
  ],
  referral_rollup: ['referring_org', 'service_type', 'receiving_org', 'status'],
};

export class CreateIndicatorRollups1766000000000 implements MigrationInterface {
  name = 'CreateIndicatorRollups1766000000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    for (const [table, dimensions] of Object.entries(DIMENSIONS)) {
      // A dimension outside the grain is NULL, as is an unknown value inside it: the grain tells
      // them apart, and NULLS NOT DISTINCT lets the delta upserts find either row.
      await queryRunner.query(`
        CREATE TABLE ${table} (
          measure text NOT NULL,
          grain text NOT NULL,
          month date NULL,
          ${dimensions.map((column) => `${column} text NULL,`).join('\n          ')}
          units int NOT NULL,
          hits int NOT NULL,
          CONSTRAINT ${table}_key UNIQUE NULLS NOT DISTINCT
            (measure, grain, month, ${dimensions.join(', ')})
        )`);
      // Cells a delta brought to zero, found without a scan and deleted by the same projector.
      await queryRunner.query(
        `CREATE INDEX ${table}_empty_idx ON ${table} (measure) WHERE units = 0`,
      );
    }
    await queryRunner.query(`
      CREATE TABLE people_trained_rollup (
        grain text NOT NULL,
        month date NULL,
        previous_month date NULL,
        ${DIMENSIONS.enrolment_rollup.map((column) => `${column} text NULL,`).join('\n        ')}
        people int NOT NULL,
        CONSTRAINT people_trained_rollup_key UNIQUE NULLS NOT DISTINCT
          (grain, month, previous_month, ${DIMENSIONS.enrolment_rollup.join(', ')})
      )`);
    await queryRunner.query(
      'CREATE INDEX people_trained_rollup_empty_idx ON people_trained_rollup (grain) WHERE people = 0',
    );
    // A person's enrolments, read by the projector to recount them.
    await queryRunner.query(
      'CREATE INDEX enrolment_fact_person_idx ON enrolment_fact ((coalesce(beneficiary_id, enrolment_id)))',
    );
    // Filled from the facts already projected; from now on the projectors add the deltas.
    for (const rollup of Object.values(ROLLUPS)) {
      await new RollupRepository().fill(queryRunner.manager, LIVE_TABLES, rollup);
    }
    await new DistinctRollupRepository().fill(queryRunner.manager, LIVE_TABLES, PEOPLE_TRAINED);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX enrolment_fact_person_idx');
    await queryRunner.query('DROP TABLE people_trained_rollup');
    for (const table of Object.keys(DIMENSIONS).reverse()) {
      await queryRunner.query(`DROP TABLE ${table}`);
    }
  }
}
