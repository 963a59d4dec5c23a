import { DynamicModule, Module } from '@nestjs/common';
import { ServiceCoreModule } from '@mrm/runtime';
import { BeneficiaryIndicatorsModule } from './beneficiary-indicators/beneficiary-indicators.module';
import { ExportsModule } from './exports/exports.module';
import { IndicatorsModule } from './indicators/indicators.module';
import { ProjectionsModule } from './projections/projections.module';
import { REPORTING_ENTITIES, REPORTING_MIGRATIONS } from './database/schema';
import type { ReportingConfig } from './reporting.config';

/** Root of the reporting service: projections and indicators, never personal data. */
@Module({})
export class ReportingModule {
  static forRoot(config: ReportingConfig): DynamicModule {
    return {
      module: ReportingModule,
      imports: [
        ServiceCoreModule.forService({
          service: 'reporting',
          config,
          entities: REPORTING_ENTITIES,
          migrations: REPORTING_MIGRATIONS,
        }),
        // Before the catalogue's `indicators/:id`, so `indicators/beneficiaries` keeps its route.
        BeneficiaryIndicatorsModule,
        IndicatorsModule,
        ExportsModule,
        ProjectionsModule,
      ],
    };
  }
}
