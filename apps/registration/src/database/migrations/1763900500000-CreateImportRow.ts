import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Issue #3: rows already loaded by the bulk import, so that importing a file twice is harmless. */
export class CreateImportRow1763900500000 implements MigrationInterface {
  name = 'CreateImportRow1763900500000';

  // No foreign key to beneficiary: another feature's table (as for enrolment and consent).
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE import_row (
        row_hash text NOT NULL,
        beneficiary_id uuid NOT NULL,
        import_id uuid NOT NULL,
        imported_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT import_row_pkey PRIMARY KEY (row_hash),
        -- A blind index (HMAC-SHA256, hex): anything else would be a value in clear.
        CONSTRAINT import_row_row_hash_check CHECK (row_hash ~ '^[0-9a-f]{64}$')
      )`);
    await queryRunner.query('CREATE INDEX import_row_import_id_idx ON import_row (import_id)');
    await queryRunner.query(
      'CREATE INDEX import_row_beneficiary_id_idx ON import_row (beneficiary_id)',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX import_row_beneficiary_id_idx');
    await queryRunner.query('DROP INDEX import_row_import_id_idx');
    await queryRunner.query('DROP TABLE import_row');
  }
}
