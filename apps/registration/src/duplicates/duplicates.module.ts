import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '../audit/audit.module';
import { BeneficiariesModule } from '../beneficiaries/beneficiaries.module';
import { DUPLICATE_DETECTOR } from '../beneficiaries/duplicate-detector';
import { ConsentsModule } from '../consents/consents.module';
import { ProgrammesModule } from '../programmes/programmes.module';
import { DuplicateCandidateEntity } from './duplicate-candidate.entity';
import { DuplicateDetectorService } from './duplicate-detector.service';
import { DuplicateMergeService } from './duplicate-merge.service';
import { DuplicateQueueService } from './duplicate-queue.service';
import { DuplicatesController } from './duplicates.controller';
import { DuplicateQueueErasureService } from './duplicate-queue-erasure.service';

/**
 * Duplicates: the detector that create runs (bound to DUPLICATE_DETECTOR; BeneficiariesModule
 * finds it across modules, as it cannot import this module without a cycle), the review queue
 * and merges.
 */
@Module({
  imports: [
    TypeOrmModule.forFeature([DuplicateCandidateEntity]),
    AuditModule,
    BeneficiariesModule,
    ProgrammesModule,
    ConsentsModule,
  ],
  controllers: [DuplicatesController],
  providers: [
    DuplicateQueueErasureService,
    DuplicateDetectorService,
    { provide: DUPLICATE_DETECTOR, useExisting: DuplicateDetectorService },
    DuplicateQueueService,
    DuplicateMergeService,
  ],
  exports: [DuplicateQueueErasureService, DUPLICATE_DETECTOR],
})
export class DuplicatesModule {}
