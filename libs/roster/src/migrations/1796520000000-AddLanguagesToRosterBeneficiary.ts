import { MigrationInterface, QueryRunner } from 'typeorm';

// Training groups sessions and referrals match services by the languages a person speaks.
export class AddLanguagesToRosterBeneficiary1796520000000 implements MigrationInterface {
  name = 'AddLanguagesToRosterBeneficiary1796520000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE roster_beneficiary ADD COLUMN languages text[] NULL');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE roster_beneficiary DROP COLUMN languages');
  }
}
