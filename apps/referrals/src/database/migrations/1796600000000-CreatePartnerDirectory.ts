import type { MigrationInterface, QueryRunner } from 'typeorm';

// Vocabularies are frozen here on purpose: a migration must not change when contracts evolve.
export class CreatePartnerDirectory1796600000000 implements MigrationInterface {
  name = 'CreatePartnerDirectory1796600000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE partner (
        id uuid NOT NULL,
        code text NOT NULL,
        name_fr text NOT NULL,
        name_ar text NULL,
        name_en text NULL,
        kind text NOT NULL,
        description text NULL,
        website text NULL,
        email text NULL,
        phone text NULL,
        active boolean NOT NULL DEFAULT true,
        version int NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT partner_pkey PRIMARY KEY (id),
        CONSTRAINT partner_code_key UNIQUE (code),
        CONSTRAINT partner_code_check CHECK (code ~ '^[A-Z0-9-]{2,32}$'),
        CONSTRAINT partner_kind_check CHECK (kind IN ('ministry', 'agency', 'ngo',
          'international-organisation', 'private'))
      )`);
    await queryRunner.query(
      'CREATE INDEX partner_created_at_id_idx ON partner (created_at DESC, id DESC)',
    );
    await queryRunner.query(`
      CREATE TABLE partner_service (
        id uuid NOT NULL,
        partner_id uuid NOT NULL,
        service_type text NOT NULL,
        name text NOT NULL,
        description text NULL,
        region_codes text[] NOT NULL,
        locations jsonb NOT NULL DEFAULT '[]',
        eligible_categories text[] NOT NULL DEFAULT '{}',
        eligible_sexes text[] NOT NULL DEFAULT '{}',
        min_age int NULL,
        max_age int NULL,
        eligible_nationalities text[] NOT NULL DEFAULT '{}',
        languages text[] NOT NULL DEFAULT '{}',
        places_per_month int NULL,
        current_load int NOT NULL DEFAULT 0,
        contact_email text NULL,
        contact_phone text NULL,
        active boolean NOT NULL DEFAULT true,
        version int NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT partner_service_pkey PRIMARY KEY (id),
        CONSTRAINT partner_service_partner_id_fkey FOREIGN KEY (partner_id) REFERENCES partner (id),
        CONSTRAINT partner_service_service_type_check CHECK (service_type IN ('employment',
          'vocational-training', 'psychosocial-support', 'legal-aid', 'documentation', 'health',
          'housing', 'education', 'microfinance', 'business-support', 'shelter', 'family-tracing',
          'other')),
        CONSTRAINT partner_service_age_range_check CHECK (
          min_age IS NULL OR max_age IS NULL OR min_age <= max_age),
        CONSTRAINT partner_service_capacity_check CHECK (
          (places_per_month IS NULL OR places_per_month >= 0) AND current_load >= 0)
      )`);
    await queryRunner.query(
      'CREATE INDEX partner_service_partner_id_idx ON partner_service (partner_id)',
    );
    await queryRunner.query(
      'CREATE INDEX partner_service_created_at_id_idx ON partner_service (created_at DESC, id DESC)',
    );
    await queryRunner.query(
      'CREATE INDEX partner_service_service_type_idx ON partner_service (service_type)',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX partner_service_service_type_idx');
    await queryRunner.query('DROP INDEX partner_service_created_at_id_idx');
    await queryRunner.query('DROP INDEX partner_service_partner_id_idx');
    await queryRunner.query('DROP TABLE partner_service');
    await queryRunner.query('DROP INDEX partner_created_at_id_idx');
    await queryRunner.query('DROP TABLE partner');
  }
}
