import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The partner bus (issue 15): a partner's own system, and the receipts of what was sent to it. */
export class CreatePartnerSystem1796600400000 implements MigrationInterface {
  name = 'CreatePartnerSystem1796600400000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE partner_system (
        partner_id uuid NOT NULL,
        bus_code text NOT NULL,
        public_jwk text NOT NULL,
        nkey text NOT NULL,
        status text NOT NULL,
        key_version int NOT NULL,
        registered_at timestamptz NOT NULL,
        revoked_at timestamptz NULL,
        last_fetch_at timestamptz NULL,
        CONSTRAINT partner_system_pkey PRIMARY KEY (partner_id),
        CONSTRAINT partner_system_partner_id_fkey FOREIGN KEY (partner_id) REFERENCES partner (id),
        CONSTRAINT partner_system_bus_code_key UNIQUE (bus_code),
        CONSTRAINT partner_system_status_check CHECK (status IN ('active', 'revoked'))
      )`);
    await queryRunner.query(`
      CREATE TABLE partner_delivery (
        message_id uuid NOT NULL,
        referral_id uuid NULL,
        bus_code text NOT NULL,
        event text NOT NULL,
        stream_sequence bigint NULL,
        published_at timestamptz NULL,
        delivered_at timestamptz NULL,
        acknowledged_at timestamptz NULL,
        answer_id text NULL,
        CONSTRAINT partner_delivery_pkey PRIMARY KEY (message_id)
      )`);
    await queryRunner.query(
      'CREATE INDEX partner_delivery_referral_id_idx ON partner_delivery (referral_id, published_at)',
    );
    await queryRunner.query(
      'CREATE INDEX partner_delivery_undelivered_idx ON partner_delivery (bus_code, stream_sequence) WHERE delivered_at IS NULL',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE partner_delivery');
    await queryRunner.query('DROP TABLE partner_system');
  }
}
