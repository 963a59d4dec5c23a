import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Issue #3: encrypted identity, case lifecycle, search keys (blind indexes) and links. */
export class AddIdentityToBeneficiary1763900100100 implements MigrationInterface {
  name = 'AddIdentityToBeneficiary1763900100100';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE beneficiary
        ADD COLUMN country_of_origin char(2) NULL,
        ADD COLUMN return_country char(2) NULL,
        ADD COLUMN languages text[] NOT NULL DEFAULT '{}',
        ADD COLUMN education_level text NULL,
        ADD COLUMN skills text[] NOT NULL DEFAULT '{}',
        ADD COLUMN occupations text[] NOT NULL DEFAULT '{}',
        ADD COLUMN names_enc text NULL,
        ADD COLUMN phone_enc text NULL,
        ADD COLUMN address_enc text NULL,
        ADD COLUMN documents_enc text NULL,
        ADD COLUMN vulnerabilities_enc text NULL,
        ADD COLUMN closure_reason text NULL,
        ADD COLUMN closed_at timestamptz NULL,
        ADD COLUMN merged_into uuid NULL,
        ADD COLUMN erased_at timestamptz NULL,
        ADD COLUMN created_by text NULL,
        ADD CONSTRAINT beneficiary_merged_into_fkey FOREIGN KEY (merged_into) REFERENCES beneficiary (id)`);
    // The list order (created_at DESC, id DESC), whole registry and per institution.
    await queryRunner.query(
      'CREATE INDEX beneficiary_created_at_id_idx ON beneficiary (created_at DESC, id DESC)',
    );
    await queryRunner.query(
      'CREATE INDEX beneficiary_owner_org_created_at_id_idx ON beneficiary (owner_org, created_at DESC, id DESC)',
    );
    await queryRunner.query(`
      CREATE TABLE beneficiary_search_key (
        beneficiary_id uuid NOT NULL,
        kind text NOT NULL,
        hash text NOT NULL,
        CONSTRAINT beneficiary_search_key_pkey PRIMARY KEY (beneficiary_id, kind, hash),
        CONSTRAINT beneficiary_search_key_beneficiary_id_fkey FOREIGN KEY (beneficiary_id)
          REFERENCES beneficiary (id) ON DELETE CASCADE,
        CONSTRAINT beneficiary_search_key_kind_check
          CHECK (kind IN ('phone', 'document', 'name-full', 'name-token'))
      )`);
    await queryRunner.query(
      'CREATE INDEX beneficiary_search_key_kind_hash_idx ON beneficiary_search_key (kind, hash)',
    );
    await queryRunner.query(`
      CREATE TABLE beneficiary_link (
        beneficiary_id uuid NOT NULL,
        linked_beneficiary_id uuid NOT NULL,
        kind text NOT NULL,
        relation text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT beneficiary_link_pkey PRIMARY KEY (beneficiary_id, linked_beneficiary_id),
        CONSTRAINT beneficiary_link_beneficiary_id_fkey FOREIGN KEY (beneficiary_id)
          REFERENCES beneficiary (id) ON DELETE CASCADE,
        CONSTRAINT beneficiary_link_linked_beneficiary_id_fkey FOREIGN KEY (linked_beneficiary_id)
          REFERENCES beneficiary (id) ON DELETE CASCADE,
        CONSTRAINT beneficiary_link_kind_check CHECK (kind IN ('household', 'group')),
        CONSTRAINT beneficiary_link_self_check CHECK (beneficiary_id <> linked_beneficiary_id)
      )`);
    await queryRunner.query(
      'CREATE INDEX beneficiary_link_linked_beneficiary_id_idx ON beneficiary_link (linked_beneficiary_id)',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE beneficiary_link');
    await queryRunner.query('DROP TABLE beneficiary_search_key');
    await queryRunner.query('DROP INDEX beneficiary_owner_org_created_at_id_idx');
    await queryRunner.query('DROP INDEX beneficiary_created_at_id_idx');
    await queryRunner.query(`
      ALTER TABLE beneficiary
        DROP CONSTRAINT beneficiary_merged_into_fkey,
        DROP COLUMN created_by,
        DROP COLUMN erased_at,
        DROP COLUMN merged_into,
        DROP COLUMN closed_at,
        DROP COLUMN closure_reason,
        DROP COLUMN vulnerabilities_enc,
        DROP COLUMN documents_enc,
        DROP COLUMN address_enc,
        DROP COLUMN phone_enc,
        DROP COLUMN names_enc,
        DROP COLUMN occupations,
        DROP COLUMN skills,
        DROP COLUMN education_level,
        DROP COLUMN languages,
        DROP COLUMN return_country,
        DROP COLUMN country_of_origin`);
  }
}
