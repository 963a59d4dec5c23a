import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { ConsentsModule } from '../consents/consents.module';
import { DuplicatesModule } from '../duplicates/duplicates.module';
import { ImportsModule } from '../imports/imports.module';
import { MatchReviewsModule } from '../match-reviews/match-reviews.module';
import { BeneficiaryErasedHandler } from './beneficiary-erased.handler';

/** Propagation of `beneficiary.erased.v1` inside the registry (the other services have their own). */
@Module({
  imports: [ImportsModule, DuplicatesModule, ConsentsModule, MatchReviewsModule, AuditModule],
  controllers: [BeneficiaryErasedHandler],
})
export class ErasureModule {}
