import type { MigrationInterface, QueryRunner } from 'typeorm';

// One row per referral that sent a person to another institution, learned from referral events.
export class CreateReferralAccessGrant1763900600000 implements MigrationInterface {
  name = 'CreateReferralAccessGrant1763900600000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE referral_access_grant (
        referral_id uuid NOT NULL,
        beneficiary_id uuid NOT NULL,
        receiving_org text NOT NULL,
        data_categories text[] NOT NULL,
        open boolean NOT NULL,
        referral_version int NOT NULL,
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT referral_access_grant_pkey PRIMARY KEY (referral_id)
      )`);
    await queryRunner.query(`
      CREATE INDEX referral_access_grant_beneficiary_id_receiving_org_idx
        ON referral_access_grant (beneficiary_id, receiving_org) WHERE open`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX referral_access_grant_beneficiary_id_receiving_org_idx');
    await queryRunner.query('DROP TABLE referral_access_grant');
  }
}
