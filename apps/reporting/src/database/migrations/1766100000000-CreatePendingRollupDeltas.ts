import { MigrationInterface, QueryRunner } from 'typeorm';
import { LIVE_TABLES } from '../../projections/fact-tables';
import { DistinctRollupRepository } from '../../rollups/distinct-rollup.repository';
import { PEOPLE_TRAINED, ROLLUPS } from '../../rollups/rollup-definitions';
import { RollupRepository } from '../../rollups/rollup.repository';

const TABLES = [
  'beneficiary_rollup',
  'enrolment_rollup',
  'people_trained_rollup',
  'referral_rollup',
];

export class CreatePendingRollupDeltas1766100000000 implements MigrationInterface {
  name = 'CreatePendingRollupDeltas1766100000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    // The roll-up's columns, no key and no index: appended by the projectors, read whole by the
    // compactor and by the indicator reads (a few seconds of deltas).
    for (const table of TABLES) {
      await queryRunner.query(`CREATE TABLE ${table}_pending (LIKE ${table})`);
    }
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    // Folded in first: the code before this migration reads the roll-ups alone.
    for (const rollup of Object.values(ROLLUPS)) {
      await new RollupRepository().compact(queryRunner.manager, LIVE_TABLES, rollup);
    }
    await new DistinctRollupRepository().compact(queryRunner.manager, LIVE_TABLES, PEOPLE_TRAINED);
    for (const table of [...TABLES].reverse()) {
      await queryRunner.query(`DROP TABLE ${table}_pending`);
    }
  }
}
