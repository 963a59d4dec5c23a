import { Module } from '@nestjs/common';
import { SERVICE_CONFIG } from '@mrm/runtime';
import { IndicatorsModule } from '../indicators/indicators.module';
import type { ReportingConfig } from '../reporting.config';
import { ExportAuditService } from './audit/export-audit.service';
import { DHIS2_MAPPING, loadDhis2Mapping } from './dhis2/dhis2-mapping';
import { ExportAuditController } from './export-audit.controller';
import { ExportsController } from './exports.controller';
import { ExportsService } from './exports.service';

/** CSV, XLSX, the donor report (XLSX, PDF) and DHIS2 data values, each audited. */
@Module({
  imports: [IndicatorsModule],
  controllers: [ExportAuditController, ExportsController],
  providers: [
    ExportsService,
    ExportAuditService,
    {
      provide: DHIS2_MAPPING,
      inject: [SERVICE_CONFIG],
      useFactory: (config: ReportingConfig) =>
        loadDhis2Mapping(config.REPORTING_DHIS2_MAPPING_FILE),
    },
  ],
})
export class ExportsModule {}
