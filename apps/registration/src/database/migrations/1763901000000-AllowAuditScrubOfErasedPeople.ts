import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue #18 item 6 (ADR 0022): erasure scrubs the free text of the audit entries about the erased
 * person, which a user may have written the person's name into. The audit trail stays append-only
 * otherwise: the trigger lets through one change only, an entry's free text (its `reason` and a
 * duplicate override's reason in `details`) replaced by the marker 'record erased', and only on
 * entries naming a record that is erased. Every other column, and any other value, is refused.
 */
export class AllowAuditScrubOfErasedPeople1763901000000 implements MigrationInterface {
  name = 'AllowAuditScrubOfErasedPeople1763901000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE FUNCTION audit_entry_scrubbed_reason(reason text) RETURNS text
      LANGUAGE sql IMMUTABLE AS $$
        SELECT CASE WHEN reason IS NULL THEN NULL ELSE 'record erased' END
      $$`);
    await queryRunner.query(`
      CREATE FUNCTION audit_entry_scrubbed_details(details jsonb) RETURNS jsonb
      LANGUAGE sql IMMUTABLE AS $$
        SELECT CASE WHEN details->'duplicateOverride' ? 'reason'
                    THEN jsonb_set(details, '{duplicateOverride,reason}', '"record erased"')
                    ELSE details END
      $$`);
    await queryRunner.query(`
      CREATE OR REPLACE FUNCTION audit_entry_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'UPDATE'
           AND NEW.reason IS NOT DISTINCT FROM audit_entry_scrubbed_reason(OLD.reason)
           AND NEW.details IS NOT DISTINCT FROM audit_entry_scrubbed_details(OLD.details)
           AND to_jsonb(NEW) - 'reason' - 'details' = to_jsonb(OLD) - 'reason' - 'details'
           AND EXISTS (SELECT 1 FROM beneficiary
                        WHERE id = ANY(OLD.resource_ids) AND erased_at IS NOT NULL) THEN
          RETURN NEW;
        END IF;
        RAISE EXCEPTION 'audit_entry is append-only: % refused', TG_OP
          USING ERRCODE = 'insufficient_privilege';
      END
      $$`);
    await queryRunner.query('GRANT UPDATE (reason, details) ON audit_entry TO CURRENT_USER');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('REVOKE UPDATE (reason, details) ON audit_entry FROM CURRENT_USER');
    await queryRunner.query(`
      CREATE OR REPLACE FUNCTION audit_entry_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'audit_entry is append-only: % refused', TG_OP
          USING ERRCODE = 'insufficient_privilege';
      END
      $$`);
    await queryRunner.query('DROP FUNCTION audit_entry_scrubbed_details(jsonb)');
    await queryRunner.query('DROP FUNCTION audit_entry_scrubbed_reason(text)');
  }
}
