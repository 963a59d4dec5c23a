import { DynamicModule, Module } from '@nestjs/common';
import { RosterBeneficiaryEntity, RosterModule, type RosterOptions } from '@mrm/roster';
import { ServiceCoreModule, type ServiceConfig } from '@mrm/runtime';
import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Creates `roster_beneficiary` as `migration:generate` would from the lib's entity, so the test
 * holds no fourth copy of the DDL. The services' own migrations run in their wiring specs, and
 * `migration:generate` finding no changes proves each matches this entity.
 */
export class CreateRosterBeneficiaryFromEntity1795999999999 implements MigrationInterface {
  name = 'CreateRosterBeneficiaryFromEntity1795999999999';

  async up(queryRunner: QueryRunner): Promise<void> {
    // The builder diffs on its own connection; the platform migrations before this are committed.
    const { upQueries } = await queryRunner.connection.driver.createSchemaBuilder().log();
    for (const { query, parameters } of upQueries) await queryRunner.query(query, parameters);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE roster_beneficiary');
  }
}

/** A service made of the platform core and the roster only. */
@Module({})
export class RosterTestModule {
  static forRoot(config: ServiceConfig, roster: RosterOptions): DynamicModule {
    return {
      module: RosterTestModule,
      imports: [
        ServiceCoreModule.forService({
          service: roster.service,
          config,
          entities: [RosterBeneficiaryEntity],
          migrations: [CreateRosterBeneficiaryFromEntity1795999999999],
        }),
        RosterModule.forService(roster),
      ],
    };
  }
}
