import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Issue #3: the audit trail of reads, searches and changes of personal data. */
export class CreateAuditEntry1763900100200 implements MigrationInterface {
  name = 'CreateAuditEntry1763900100200';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE audit_entry (
        id uuid NOT NULL,
        at timestamptz NOT NULL DEFAULT now(),
        actor_sub text NOT NULL,
        actor_org text NOT NULL,
        actor_roles text[] NOT NULL DEFAULT '{}',
        action text NOT NULL,
        resource_type text NOT NULL,
        resource_ids uuid[] NOT NULL DEFAULT '{}',
        reason text NULL,
        correlation_id text NULL,
        details jsonb NULL,
        CONSTRAINT audit_entry_pkey PRIMARY KEY (id),
        CONSTRAINT audit_entry_action_check
          CHECK (action IN ('read', 'search', 'create', 'update', 'erase', 'merge', 'import', 'export'))
      )`);
    await queryRunner.query('CREATE INDEX audit_entry_at_id_idx ON audit_entry (at DESC, id DESC)');
    await queryRunner.query(
      'CREATE INDEX audit_entry_actor_sub_at_idx ON audit_entry (actor_sub, at DESC)',
    );
    await queryRunner.query(
      'CREATE INDEX audit_entry_resource_ids_idx ON audit_entry USING gin (resource_ids)',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX audit_entry_resource_ids_idx');
    await queryRunner.query('DROP INDEX audit_entry_actor_sub_at_idx');
    await queryRunner.query('DROP INDEX audit_entry_at_id_idx');
    await queryRunner.query('DROP TABLE audit_entry');
  }
}
