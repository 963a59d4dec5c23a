import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue #18 item 2: a match with another institution's record answers only "probably registered
 * elsewhere" and opens a review here for a coordinator; `match-elsewhere` joins the audit actions.
 */
export class CreateMatchReview1763900750000 implements MigrationInterface {
  name = 'CreateMatchReview1763900750000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE match_review (
        id uuid NOT NULL,
        context text NOT NULL,
        requested_by text NOT NULL,
        requested_org text NOT NULL,
        matched_ids uuid[] NOT NULL,
        reasons text[] NOT NULL,
        status text NOT NULL DEFAULT 'open',
        created_at timestamptz NOT NULL DEFAULT now(),
        resolved_by text NULL,
        resolved_at timestamptz NULL,
        resolution_note text NULL,
        CONSTRAINT match_review_pkey PRIMARY KEY (id),
        CONSTRAINT match_review_context_check
          CHECK (context IN ('create', 'search', 'import-dry-run', 'import')),
        CONSTRAINT match_review_status_check CHECK (status IN ('open', 'resolved')),
        CONSTRAINT match_review_matched_ids_check CHECK (cardinality(matched_ids) > 0),
        CONSTRAINT match_review_resolution_check
          CHECK ((status = 'open') = (resolved_at IS NULL)
             AND (resolved_at IS NULL) = (resolved_by IS NULL))
      )`);
    await queryRunner.query(
      'CREATE INDEX match_review_requested_by_created_at_idx ON match_review (requested_by, created_at DESC)',
    );
    await queryRunner.query(
      'CREATE INDEX match_review_status_created_at_id_idx ON match_review (status, created_at DESC, id DESC)',
    );
    await queryRunner.query(
      'CREATE INDEX match_review_matched_ids_idx ON match_review USING gin (matched_ids)',
    );
    await queryRunner.query('ALTER TABLE audit_entry DROP CONSTRAINT audit_entry_action_check');
    await queryRunner.query(`
      ALTER TABLE audit_entry ADD CONSTRAINT audit_entry_action_check
        CHECK (action IN ('read', 'search', 'create', 'update', 'erase', 'merge', 'import',
                          'export', 'match-elsewhere'))`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DELETE FROM audit_entry WHERE action = 'match-elsewhere'`);
    await queryRunner.query('ALTER TABLE audit_entry DROP CONSTRAINT audit_entry_action_check');
    await queryRunner.query(`
      ALTER TABLE audit_entry ADD CONSTRAINT audit_entry_action_check
        CHECK (action IN ('read', 'search', 'create', 'update', 'erase', 'merge', 'import', 'export'))`);
    await queryRunner.query('DROP TABLE match_review');
  }
}
