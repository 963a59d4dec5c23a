import type { MigrationInterface, QueryRunner } from 'typeorm';

// The plan list: an institution's plans, newest first, paged by (created_at, id).
export class IndexPlanByOwnerOrg1796600600000 implements MigrationInterface {
  name = 'IndexPlanByOwnerOrg1796600600000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE INDEX plan_owner_org_created_at_idx ON plan (owner_org, created_at DESC, id DESC)',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX plan_owner_org_created_at_idx');
  }
}
