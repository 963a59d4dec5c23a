import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { MatchReviewsModule } from '../match-reviews/match-reviews.module';
import { BeneficiariesController } from './beneficiaries.controller';
import { BeneficiariesService } from './beneficiaries.service';
import { BeneficiaryLifecycleController } from './beneficiary-lifecycle.controller';
import { BeneficiaryLifecycleService } from './beneficiary-lifecycle.service';
import { BeneficiarySearchService } from './beneficiary-search.service';
import { BeneficiaryProtector } from './beneficiary.protector';
import { ReencryptionService } from './reencryption.service';
import { DuplicateGate } from './duplicate-gate';
import { SearchKeysService } from './search-keys.service';

/**
 * Beneficiaries: identity (encrypted), search, case lifecycle and erasure. Exports
 * `BeneficiariesService.findAccessible` for features acting on a beneficiary (programmes, consents)
 * and `SearchKeysService` for duplicate detection. FieldCipher and BlindIndex come from the global
 * DataProtectionModule.
 */
@Module({
  imports: [AuditModule, MatchReviewsModule],
  controllers: [BeneficiariesController, BeneficiaryLifecycleController],
  providers: [
    BeneficiariesService,
    BeneficiaryLifecycleService,
    BeneficiarySearchService,
    BeneficiaryProtector,
    DuplicateGate,
    SearchKeysService,
    ReencryptionService,
  ],
  exports: [BeneficiariesService, SearchKeysService, ReencryptionService],
})
export class BeneficiariesModule {}
