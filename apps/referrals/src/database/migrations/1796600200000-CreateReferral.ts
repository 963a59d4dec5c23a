import type { MigrationInterface, QueryRunner } from 'typeorm';

// Vocabularies are frozen here on purpose: a migration must not change when contracts evolve.
export class CreateReferral1796600200000 implements MigrationInterface {
  name = 'CreateReferral1796600200000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE referral (
        id uuid NOT NULL,
        beneficiary_id uuid NOT NULL,
        referring_org text NOT NULL,
        referring_officer text NOT NULL,
        receiving_org text NOT NULL,
        service_id uuid NOT NULL,
        service_type text NOT NULL,
        reason text NOT NULL,
        services_requested text[] NOT NULL DEFAULT '{}',
        priority text NOT NULL,
        consent_id uuid NULL,
        consent_overridden boolean NOT NULL DEFAULT false,
        data_categories text[] NOT NULL,
        notes text NULL,
        status text NOT NULL,
        business_status text NULL,
        rejection_reason text NULL,
        outcome text NULL,
        hold_reason text NULL,
        redirected_from_id uuid NULL,
        redirected_to_id uuid NULL,
        requested_at timestamptz NULL,
        acknowledgement_due_at timestamptz NULL,
        answer_due_at timestamptz NULL,
        acknowledged_at timestamptz NULL,
        answered_at timestamptz NULL,
        closed_at timestamptz NULL,
        escalated_at timestamptz NULL,
        version int NOT NULL,
        created_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL,
        CONSTRAINT referral_pkey PRIMARY KEY (id),
        CONSTRAINT referral_service_id_fkey FOREIGN KEY (service_id) REFERENCES partner_service (id),
        CONSTRAINT referral_redirected_from_id_fkey FOREIGN KEY (redirected_from_id)
          REFERENCES referral (id),
        CONSTRAINT referral_priority_check CHECK (priority IN ('emergency', 'urgent', 'normal')),
        CONSTRAINT referral_status_check CHECK (status IN ('draft', 'requested', 'received',
          'accepted', 'rejected', 'in-progress', 'completed', 'failed', 'cancelled', 'on-hold')),
        CONSTRAINT referral_consent_check CHECK (consent_id IS NOT NULL OR consent_overridden
          OR status = 'draft')
      )`);
    await queryRunner.query(
      'CREATE INDEX referral_referring_org_created_at_idx ON referral (referring_org, created_at DESC, id DESC)',
    );
    await queryRunner.query(
      'CREATE INDEX referral_receiving_org_created_at_idx ON referral (receiving_org, created_at DESC, id DESC)',
    );
    await queryRunner.query(
      'CREATE INDEX referral_created_at_id_idx ON referral (created_at DESC, id DESC)',
    );
    await queryRunner.query(
      'CREATE INDEX referral_beneficiary_id_idx ON referral (beneficiary_id)',
    );
    await queryRunner.query('CREATE INDEX referral_consent_id_idx ON referral (consent_id)');
    await queryRunner.query(`
      CREATE TABLE referral_transition (
        id uuid NOT NULL,
        referral_id uuid NOT NULL,
        action text NOT NULL,
        from_status text NULL,
        to_status text NOT NULL,
        actor_sub text NOT NULL,
        actor_org text NOT NULL,
        note text NULL,
        occurred_at timestamptz NOT NULL,
        CONSTRAINT referral_transition_pkey PRIMARY KEY (id),
        CONSTRAINT referral_transition_referral_id_fkey FOREIGN KEY (referral_id)
          REFERENCES referral (id)
      )`);
    await queryRunner.query(
      'CREATE INDEX referral_transition_referral_id_idx ON referral_transition (referral_id, occurred_at)',
    );
    await queryRunner.query(`
      CREATE TABLE consent_override (
        id uuid NOT NULL,
        referral_id uuid NOT NULL,
        beneficiary_id uuid NOT NULL,
        actor_sub text NOT NULL,
        actor_org text NOT NULL,
        reason text NOT NULL,
        occurred_at timestamptz NOT NULL,
        CONSTRAINT consent_override_pkey PRIMARY KEY (id),
        CONSTRAINT consent_override_referral_id_fkey FOREIGN KEY (referral_id)
          REFERENCES referral (id)
      )`);
    await queryRunner.query(
      'CREATE INDEX consent_override_referral_id_idx ON consent_override (referral_id)',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX consent_override_referral_id_idx');
    await queryRunner.query('DROP TABLE consent_override');
    await queryRunner.query('DROP INDEX referral_transition_referral_id_idx');
    await queryRunner.query('DROP TABLE referral_transition');
    await queryRunner.query('DROP INDEX referral_consent_id_idx');
    await queryRunner.query('DROP INDEX referral_beneficiary_id_idx');
    await queryRunner.query('DROP INDEX referral_created_at_id_idx');
    await queryRunner.query('DROP INDEX referral_receiving_org_created_at_idx');
    await queryRunner.query('DROP INDEX referral_referring_org_created_at_idx');
    await queryRunner.query('DROP TABLE referral');
  }
}
