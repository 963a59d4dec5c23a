import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateErasureRequest1796600300000 implements MigrationInterface {
  name = 'CreateErasureRequest1796600300000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE erasure_request (
        id uuid NOT NULL,
        beneficiary_id uuid NOT NULL,
        receiving_org text NOT NULL,
        referral_ids uuid[] NOT NULL,
        erased_at timestamptz NOT NULL,
        requested_at timestamptz NOT NULL,
        acknowledged_at timestamptz NULL,
        acknowledged_by text NULL,
        CONSTRAINT erasure_request_pkey PRIMARY KEY (id),
        CONSTRAINT erasure_request_beneficiary_id_receiving_org_key
          UNIQUE (beneficiary_id, receiving_org),
        CONSTRAINT erasure_request_acknowledgement_check
          CHECK ((acknowledged_at IS NULL) = (acknowledged_by IS NULL))
      )`);
    await queryRunner.query(
      'CREATE INDEX erasure_request_receiving_org_idx ON erasure_request (receiving_org, requested_at DESC, id DESC)',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX erasure_request_receiving_org_idx');
    await queryRunner.query('DROP TABLE erasure_request');
  }
}
