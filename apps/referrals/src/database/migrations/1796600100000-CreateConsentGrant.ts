import type { MigrationInterface, QueryRunner } from 'typeorm';

// A withdrawal may arrive before its grant: the row then has no terms yet (granted_at NULL).
export class CreateConsentGrant1796600100000 implements MigrationInterface {
  name = 'CreateConsentGrant1796600100000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE consent_grant (
        consent_id uuid NOT NULL,
        beneficiary_id uuid NOT NULL,
        purposes text[] NOT NULL DEFAULT '{}',
        recipients text[] NOT NULL DEFAULT '{}',
        data_categories text[] NOT NULL DEFAULT '{}',
        granted_at timestamptz NULL,
        expires_at timestamptz NULL,
        withdrawn_at timestamptz NULL,
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT consent_grant_pkey PRIMARY KEY (consent_id)
      )`);
    await queryRunner.query(
      'CREATE INDEX consent_grant_beneficiary_id_idx ON consent_grant (beneficiary_id)',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX consent_grant_beneficiary_id_idx');
    await queryRunner.query('DROP TABLE consent_grant');
  }
}
