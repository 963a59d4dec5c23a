import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Issue #3: the review queue of probable duplicates registered anyway (override with a reason). */
export class CreateDuplicateCandidate1763900400000 implements MigrationInterface {
  name = 'CreateDuplicateCandidate1763900400000';

  // No foreign key to beneficiary, as for enrolment and consent (another feature's table).
  // `reasons` holds match codes (document, phone, name+birth-year+nationality), never values.
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE duplicate_candidate (
        id uuid NOT NULL,
        beneficiary_id uuid NOT NULL,
        candidate_id uuid NOT NULL,
        reasons text[] NOT NULL,
        status text NOT NULL DEFAULT 'open',
        created_by text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        resolved_by text NULL,
        resolved_at timestamptz NULL,
        resolution_reason text NULL,
        CONSTRAINT duplicate_candidate_pkey PRIMARY KEY (id),
        CONSTRAINT duplicate_candidate_beneficiary_id_candidate_id_key
          UNIQUE (beneficiary_id, candidate_id),
        CONSTRAINT duplicate_candidate_self_check CHECK (beneficiary_id <> candidate_id),
        CONSTRAINT duplicate_candidate_reasons_check CHECK (cardinality(reasons) > 0),
        CONSTRAINT duplicate_candidate_status_check CHECK (status IN ('open', 'merged', 'dismissed')),
        CONSTRAINT duplicate_candidate_resolution_check CHECK (
          (status = 'open') = (resolved_at IS NULL)
          AND (resolved_at IS NULL) = (resolved_by IS NULL)
        )
      )`);
    // The queue order (created_at DESC, id DESC), filtered by status.
    await queryRunner.query(
      'CREATE INDEX duplicate_candidate_status_created_at_id_idx ON duplicate_candidate (status, created_at DESC, id DESC)',
    );
    // Entries involving a record, from either side (merge resolves them all).
    await queryRunner.query(
      'CREATE INDEX duplicate_candidate_candidate_id_idx ON duplicate_candidate (candidate_id)',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX duplicate_candidate_candidate_id_idx');
    await queryRunner.query('DROP INDEX duplicate_candidate_status_created_at_id_idx');
    await queryRunner.query('DROP TABLE duplicate_candidate');
  }
}
