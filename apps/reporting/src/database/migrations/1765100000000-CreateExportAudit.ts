import { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateExportAudit1765100000000 implements MigrationInterface {
  name = 'CreateExportAudit1765100000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE export_audit (
        id uuid NOT NULL,
        at timestamptz NOT NULL DEFAULT now(),
        actor_sub text NOT NULL,
        actor_org text NOT NULL,
        actor_roles text[] NOT NULL,
        export_kind text NOT NULL,
        subject text NOT NULL,
        query jsonb NOT NULL,
        correlation_id text NULL,
        CONSTRAINT export_audit_pkey PRIMARY KEY (id)
      )`);
    await queryRunner.query('CREATE INDEX export_audit_at_idx ON export_audit (at DESC, id DESC)');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX export_audit_at_idx');
    await queryRunner.query('DROP TABLE export_audit');
  }
}
