import { Controller } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import { beneficiaryErasedV1, type BeneficiaryErasedV1, type EventEnvelope } from '@mrm/contracts';
import { JetStreamContext } from '@mrm/messaging';

/**
 * An erased person's consents end (nothing about them may be shared any more), and the free-text
 * withdrawal reasons, which a case worker may have written personal details into, are cleared.
 * The structured record of what was consented stays as evidence of lawful past processing.
 */
@Controller()
export class ConsentsErasureHandler {
  @EventPattern(beneficiaryErasedV1.subject)
  async onErased(
    @Payload() event: EventEnvelope<BeneficiaryErasedV1>,
    @Ctx() context: JetStreamContext,
  ): Promise<void> {
    await context.entityManager.query(
      `UPDATE consent
          SET withdrawal_reason = NULL,
              withdrawn_at = coalesce(withdrawn_at, $2),
              withdrawn_by = coalesce(withdrawn_by, 'system:erasure')
        WHERE beneficiary_id = $1`,
      [event.data.beneficiaryId, event.data.erasedAt],
    );
  }
}
