import type { MigrationInterface, QueryRunner } from 'typeorm';

// Scores are kept per weights version: loading new weights adds scores, never rewrites old ones.
export class CreateSurvey1796600300000 implements MigrationInterface {
  name = 'CreateSurvey1796600300000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE survey_weights (
        version text NOT NULL,
        definition jsonb NOT NULL,
        loaded_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT survey_weights_pkey PRIMARY KEY (version)
      )`);
    await queryRunner.query(`
      CREATE TABLE survey_response (
        id uuid NOT NULL,
        beneficiary_id uuid NOT NULL,
        owner_org text NOT NULL,
        wave text NOT NULL,
        answered_on date NOT NULL,
        answers jsonb NOT NULL,
        recorded_by text NOT NULL,
        created_at timestamptz NOT NULL,
        CONSTRAINT survey_response_pkey PRIMARY KEY (id),
        CONSTRAINT survey_response_beneficiary_id_wave_key UNIQUE (beneficiary_id, wave),
        CONSTRAINT survey_response_wave_check CHECK (wave IN ('baseline', 'endline', 'follow-up'))
      )`);
    await queryRunner.query(`
      CREATE TABLE survey_score (
        response_id uuid NOT NULL,
        weights_version text NOT NULL,
        economic numeric(5,4) NULL,
        social numeric(5,4) NULL,
        psychosocial numeric(5,4) NULL,
        composite numeric(5,4) NULL,
        answered_items int NOT NULL,
        computed_at timestamptz NOT NULL,
        CONSTRAINT survey_score_pkey PRIMARY KEY (response_id, weights_version),
        CONSTRAINT survey_score_response_id_fkey FOREIGN KEY (response_id)
          REFERENCES survey_response (id) ON DELETE CASCADE,
        CONSTRAINT survey_score_weights_version_fkey FOREIGN KEY (weights_version)
          REFERENCES survey_weights (version)
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE survey_score');
    await queryRunner.query('DROP TABLE survey_response');
    await queryRunner.query('DROP TABLE survey_weights');
  }
}
