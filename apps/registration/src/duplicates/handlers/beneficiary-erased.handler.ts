import { Controller } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import { beneficiaryErasedV1, type BeneficiaryErasedV1, type EventEnvelope } from '@mrm/contracts';
import { JetStreamContext } from '@mrm/messaging';

/** Open review entries that involve an erased record can no longer be merged: close them. */
@Controller()
export class DuplicateQueueErasureHandler {
  @EventPattern(beneficiaryErasedV1.subject)
  async onErased(
    @Payload() event: EventEnvelope<BeneficiaryErasedV1>,
    @Ctx() context: JetStreamContext,
  ): Promise<void> {
    await context.entityManager.query(
      `UPDATE duplicate_candidate
          SET status = 'dismissed', resolved_by = 'system:erasure', resolved_at = $2,
              resolution_reason = 'record erased'
        WHERE status = 'open' AND (beneficiary_id = $1 OR candidate_id = $1)`,
      [event.data.beneficiaryId, event.data.erasedAt],
    );
  }
}
