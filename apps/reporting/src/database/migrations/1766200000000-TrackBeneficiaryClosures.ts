import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The latest closure of a beneficiary, kept apart from the status: `closed_at` is that closure's
 * time while the status (by version) is closed, whatever order the closure and a newer update
 * carrying the closed status arrive in.
 */
export class TrackBeneficiaryClosures1766200000000 implements MigrationInterface {
  name = 'TrackBeneficiaryClosures1766200000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE beneficiary_fact
        ADD COLUMN closure_at timestamptz,
        ADD COLUMN closure_version int NOT NULL DEFAULT 0`);
    // A closed row's status came from its closure or from a newer event: either way no newer
    // closure is known, so the status version stands for the closure's.
    await queryRunner.query(`UPDATE beneficiary_fact
        SET closure_at = closed_at, closure_version = status_version
      WHERE closed_at IS NOT NULL`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'ALTER TABLE beneficiary_fact DROP COLUMN closure_at, DROP COLUMN closure_version',
    );
  }
}
