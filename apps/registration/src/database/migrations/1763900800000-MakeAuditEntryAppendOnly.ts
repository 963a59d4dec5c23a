import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue #18 item 8: the audit trail is append-only for the service. The role that runs the
 * migrations is the service's role (it owns the tables): it loses UPDATE, DELETE and TRUNCATE on
 * `audit_entry`, and a trigger refuses them to anyone, a superuser included (an owner could grant
 * itself the privileges back; it cannot bypass the trigger without dropping it, which shows).
 */
export class MakeAuditEntryAppendOnly1763900800000 implements MigrationInterface {
  name = 'MakeAuditEntryAppendOnly1763900800000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE FUNCTION audit_entry_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'audit_entry is append-only: % refused', TG_OP
          USING ERRCODE = 'insufficient_privilege';
      END
      $$`);
    await queryRunner.query(`
      CREATE TRIGGER audit_entry_append_only BEFORE UPDATE OR DELETE ON audit_entry
        FOR EACH ROW EXECUTE FUNCTION audit_entry_refuse_change()`);
    await queryRunner.query(`
      CREATE TRIGGER audit_entry_no_truncate BEFORE TRUNCATE ON audit_entry
        FOR EACH STATEMENT EXECUTE FUNCTION audit_entry_refuse_change()`);
    await queryRunner.query(
      'REVOKE UPDATE, DELETE, TRUNCATE ON audit_entry FROM PUBLIC, CURRENT_USER',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('GRANT UPDATE, DELETE, TRUNCATE ON audit_entry TO CURRENT_USER');
    await queryRunner.query('DROP TRIGGER audit_entry_no_truncate ON audit_entry');
    await queryRunner.query('DROP TRIGGER audit_entry_append_only ON audit_entry');
    await queryRunner.query('DROP FUNCTION audit_entry_refuse_change()');
  }
}
