import { Controller } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import { beneficiaryErasedV1, type BeneficiaryErasedV1, type EventEnvelope } from '@mrm/contracts';
import { JetStreamContext } from '@mrm/messaging';
import { AuditErasureService } from '../audit/audit-erasure.service';
import { ConsentsErasureService } from '../consents/consents-erasure.service';
import { DuplicateQueueErasureService } from '../duplicates/duplicate-queue-erasure.service';
import { ImportRowsErasureService } from '../imports/import-rows-erasure.service';
import { MatchReviewsErasureService } from '../match-reviews/match-reviews-erasure.service';

/**
 * Carries an erasure to the features that keep something about the person, one after the other in
 * the delivery's transaction (they share its connection, so they must not run concurrently).
 */
@Controller()
export class BeneficiaryErasedHandler {
  constructor(
    private readonly importRows: ImportRowsErasureService,
    private readonly duplicateQueue: DuplicateQueueErasureService,
    private readonly consents: ConsentsErasureService,
    private readonly matchReviews: MatchReviewsErasureService,
    private readonly audit: AuditErasureService,
  ) {}

  @EventPattern(beneficiaryErasedV1.subject)
  async onErased(
    @Payload() event: EventEnvelope<BeneficiaryErasedV1>,
    @Ctx() context: JetStreamContext,
  ): Promise<void> {
    const em = context.entityManager;
    await this.importRows.onErased(em, event.data);
    await this.duplicateQueue.onErased(em, event.data);
    await this.consents.onErased(em, event.data);
    await this.matchReviews.onErased(em, event.data);
    await this.audit.onErased(em, event.data);
  }
}
