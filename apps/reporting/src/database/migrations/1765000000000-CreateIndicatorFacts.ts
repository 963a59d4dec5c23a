import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The fact tables of every indicator (training, reintegration, referrals) beside the beneficiary
 * facts, the status guard of the beneficiary facts (closed_at cleared on reopen) and the
 * checkpoint per source stream that answers "fresh up to when".
 */
export class CreateIndicatorFacts1765000000000 implements MigrationInterface {
  name = 'CreateIndicatorFacts1765000000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE beneficiary_fact
        ADD COLUMN status text NULL,
        ADD COLUMN status_version int NOT NULL DEFAULT 0`);
    await queryRunner.query(`
      CREATE TABLE enrolment_fact (
        enrolment_id uuid NOT NULL,
        beneficiary_id uuid NULL,
        course_id uuid NOT NULL,
        course_kind text NOT NULL,
        programme_code text NOT NULL,
        organising_org text NOT NULL,
        region_code text NOT NULL,
        category text NOT NULL,
        sex text NOT NULL,
        birth_year int NOT NULL,
        outcome text NULL,
        ended_at timestamptz NULL,
        withdrawn_at timestamptz NULL,
        CONSTRAINT enrolment_fact_pkey PRIMARY KEY (enrolment_id)
      )`);
    await queryRunner.query(
      'CREATE INDEX enrolment_fact_ended_at_idx ON enrolment_fact (ended_at)',
    );
    await queryRunner.query(`
      CREATE TABLE satisfaction_fact (
        response_id uuid NOT NULL,
        course_id uuid NOT NULL,
        course_kind text NOT NULL,
        programme_code text NOT NULL,
        organising_org text NOT NULL,
        region_code text NOT NULL,
        overall int NOT NULL,
        recorded_at timestamptz NOT NULL,
        CONSTRAINT satisfaction_fact_pkey PRIMARY KEY (response_id)
      )`);
    await queryRunner.query(`
      CREATE TABLE plan_fact (
        plan_id uuid NOT NULL,
        beneficiary_id uuid NOT NULL,
        owner_org text NOT NULL,
        revision int NOT NULL,
        on_time boolean NOT NULL,
        approved_at timestamptz NOT NULL,
        CONSTRAINT plan_fact_pkey PRIMARY KEY (plan_id)
      )`);
    await queryRunner.query(`
      CREATE TABLE project_fact (
        project_id uuid NOT NULL,
        owner_org text NULL,
        kind text NULL,
        sector text NULL,
        region_code text NULL,
        programme_code text NULL,
        created_at timestamptz NULL,
        legally_registered_at timestamptz NULL,
        operating_since timestamptz NULL,
        closed_at timestamptz NULL,
        outcome text NULL,
        CONSTRAINT project_fact_pkey PRIMARY KEY (project_id)
      )`);
    await queryRunner.query(`
      CREATE TABLE disbursement_fact (
        tranche_id uuid NOT NULL,
        project_id uuid NOT NULL,
        amount numeric(14, 2) NOT NULL,
        paid_on timestamptz NOT NULL,
        CONSTRAINT disbursement_fact_pkey PRIMARY KEY (tranche_id)
      )`);
    await queryRunner.query(`
      CREATE TABLE visit_fact (
        visit_id uuid NOT NULL,
        project_id uuid NOT NULL,
        months_after int NULL,
        due_on timestamptz NULL,
        overdue_at timestamptz NULL,
        visited_on timestamptz NULL,
        activity_running boolean NULL,
        CONSTRAINT visit_fact_pkey PRIMARY KEY (visit_id)
      )`);
    await queryRunner.query(`
      CREATE TABLE survey_fact (
        response_id uuid NOT NULL,
        beneficiary_id uuid NOT NULL,
        owner_org text NOT NULL,
        wave text NOT NULL,
        economic numeric(5, 4) NULL,
        social numeric(5, 4) NULL,
        psychosocial numeric(5, 4) NULL,
        composite numeric(5, 4) NULL,
        scored_at timestamptz NOT NULL,
        CONSTRAINT survey_fact_pkey PRIMARY KEY (response_id)
      )`);
    await queryRunner.query(`
      CREATE TABLE referral_fact (
        referral_id uuid NOT NULL,
        beneficiary_id uuid NOT NULL,
        referring_org text NOT NULL,
        receiving_org text NOT NULL,
        service_type text NOT NULL,
        priority text NOT NULL,
        status text NOT NULL,
        version int NOT NULL,
        requested_at timestamptz NULL,
        seconds_to_acknowledge int NULL,
        seconds_to_answer int NULL,
        answered_within_deadline boolean NULL,
        outcome_reported boolean NOT NULL DEFAULT false,
        accepted boolean NOT NULL DEFAULT false,
        escalated_at timestamptz NULL,
        CONSTRAINT referral_fact_pkey PRIMARY KEY (referral_id)
      )`);
    await queryRunner.query(
      'CREATE INDEX referral_fact_requested_at_idx ON referral_fact (requested_at)',
    );
    await queryRunner.query(`
      CREATE TABLE stream_checkpoint (
        stream text NOT NULL,
        last_sequence bigint NOT NULL,
        applied_up_to timestamptz NOT NULL,
        CONSTRAINT stream_checkpoint_pkey PRIMARY KEY (stream)
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of [
      'stream_checkpoint',
      'referral_fact',
      'survey_fact',
      'visit_fact',
      'disbursement_fact',
      'project_fact',
      'plan_fact',
      'satisfaction_fact',
      'enrolment_fact',
    ]) {
      await queryRunner.query(`DROP TABLE ${table}`);
    }
    await queryRunner.query(
      'ALTER TABLE beneficiary_fact DROP COLUMN status, DROP COLUMN status_version',
    );
  }
}
