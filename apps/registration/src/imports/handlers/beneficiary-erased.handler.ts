import { Controller } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import { beneficiaryErasedV1, type BeneficiaryErasedV1, type EventEnvelope } from '@mrm/contracts';
import { JetStreamContext } from '@mrm/messaging';

/**
 * An erased person's import rows go: their keyed hash of the spreadsheet row would let whoever
 * holds the key confirm that a given row (name, phone, document) was imported.
 */
@Controller()
export class ImportRowsErasureHandler {
  @EventPattern(beneficiaryErasedV1.subject)
  async onErased(
    @Payload() event: EventEnvelope<BeneficiaryErasedV1>,
    @Ctx() context: JetStreamContext,
  ): Promise<void> {
    await context.entityManager.query('DELETE FROM import_row WHERE beneficiary_id = $1', [
      event.data.beneficiaryId,
    ]);
  }
}
