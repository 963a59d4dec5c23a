import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { BeneficiariesModule } from '../beneficiaries/beneficiaries.module';
import { DuplicateGate } from '../beneficiaries/duplicate-gate';
import { MatchReviewsModule } from '../match-reviews/match-reviews.module';
import { ImportService } from './import.service';
import { ImportsController } from './imports.controller';
import { ImportRowsErasureService } from './import-rows-erasure.service';

/**
 * Bulk import of beneficiary lists (CSV/XLSX) through the registration rules of beneficiaries/.
 * Owns `import_row`. `ImportService` is exported for the command-line import.
 */
@Module({
  imports: [AuditModule, BeneficiariesModule, MatchReviewsModule],
  controllers: [ImportsController],
  // The gate of create, for the dry run's duplicate check (it finds duplicates/' detector itself).
  providers: [ImportRowsErasureService, ImportService, DuplicateGate],
  exports: [ImportRowsErasureService, ImportService],
})
export class ImportsModule {}
