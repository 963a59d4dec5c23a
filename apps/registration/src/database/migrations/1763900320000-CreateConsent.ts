import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateConsent1763900320000 implements MigrationInterface {
  name = 'CreateConsent1763900320000';

  // Vocabularies are frozen here on purpose: a migration must not change when the code evolves.
  // No foreign key to beneficiary, as for enrolment (another feature's table).
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE consent (
        id uuid NOT NULL,
        beneficiary_id uuid NOT NULL,
        purposes text[] NOT NULL,
        recipients text[] NOT NULL,
        data_categories text[] NOT NULL,
        collected_by text NOT NULL,
        collecting_org text NOT NULL,
        collected_at timestamptz NOT NULL,
        notice_version text NOT NULL,
        expires_at timestamptz NULL,
        withdrawn_at timestamptz NULL,
        withdrawal_reason text NULL,
        withdrawn_by text NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT consent_pkey PRIMARY KEY (id),
        CONSTRAINT consent_purposes_check CHECK (
          cardinality(purposes) > 0
          AND purposes <@ ARRAY['registration', 'training', 'reintegration', 'referral',
                                'statistics', 'transfer-abroad']::text[]
        ),
        CONSTRAINT consent_recipients_check CHECK (cardinality(recipients) > 0),
        CONSTRAINT consent_data_categories_check CHECK (
          cardinality(data_categories) > 0
          AND data_categories <@ ARRAY['identity', 'contact', 'documents', 'address', 'household',
                                       'vulnerabilities', 'health', 'education-skills',
                                       'programme-history']::text[]
        ),
        CONSTRAINT consent_expiry_check CHECK (expires_at IS NULL OR expires_at > collected_at),
        -- The free-text reason may later be blanked (erasure); who and when stay.
        CONSTRAINT consent_withdrawal_check CHECK (
          (withdrawn_at IS NULL) = (withdrawn_by IS NULL)
          AND (withdrawn_at IS NOT NULL OR withdrawal_reason IS NULL)
        )
      )`);
    await queryRunner.query(
      'CREATE INDEX consent_beneficiary_id_created_at_idx ON consent (beneficiary_id, created_at DESC, id DESC)',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX consent_beneficiary_id_created_at_idx');
    await queryRunner.query('DROP TABLE consent');
  }
}
