import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Public keys of the partner systems (from referrals' events), for the encrypted packages. */
export class CreatePartnerSystemKey1763900700000 implements MigrationInterface {
  name = 'CreatePartnerSystemKey1763900700000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE partner_system_key (
        org text NOT NULL,
        bus_code text NOT NULL,
        public_jwk text NOT NULL,
        active boolean NOT NULL,
        key_version int NOT NULL,
        updated_at timestamptz NOT NULL,
        CONSTRAINT partner_system_key_pkey PRIMARY KEY (org)
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE partner_system_key');
  }
}
