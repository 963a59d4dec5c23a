import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateProgramme1763900300000 implements MigrationInterface {
  name = 'CreateProgramme1763900300000';

  // Categories are frozen here on purpose: a migration must not change when contracts evolve.
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE programme (
        id uuid NOT NULL,
        code text NOT NULL,
        name text NOT NULL,
        donor text NOT NULL,
        implementing_org text NOT NULL,
        starts_on date NOT NULL,
        ends_on date NULL,
        target_categories text[] NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT programme_pkey PRIMARY KEY (id),
        CONSTRAINT programme_code_key UNIQUE (code),
        CONSTRAINT programme_code_check CHECK (code ~ '^[A-Z0-9-]{2,32}$'),
        CONSTRAINT programme_period_check CHECK (ends_on IS NULL OR ends_on >= starts_on),
        CONSTRAINT programme_target_categories_check CHECK (
          cardinality(target_categories) > 0
          AND target_categories <@ ARRAY['returning-moroccan', 'foreign-avrr', 'regularised-immigrant',
                                         'moroccan-abroad', 'labour-migration-candidate']::text[]
        )
      )`);
    await queryRunner.query(
      'CREATE INDEX programme_created_at_id_idx ON programme (created_at DESC, id DESC)',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX programme_created_at_id_idx');
    await queryRunner.query('DROP TABLE programme');
  }
}
