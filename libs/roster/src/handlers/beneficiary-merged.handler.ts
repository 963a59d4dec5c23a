import { Controller } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import { beneficiaryMergedV1, type BeneficiaryMergedV1, type EventEnvelope } from '@mrm/contracts';
import { JetStreamContext } from '@mrm/messaging';
import { RosterProjector } from '../roster.projector';

@Controller()
export class BeneficiaryMergedHandler {
  constructor(private readonly roster: RosterProjector) {}

  @EventPattern(beneficiaryMergedV1.subject)
  async handle(
    @Payload() event: EventEnvelope<BeneficiaryMergedV1>,
    @Ctx() context: JetStreamContext,
  ): Promise<void> {
    const { mergedBeneficiaryId, beneficiaryId } = event.data;
    await this.roster.markMerged(context.entityManager, {
      duplicateId: mergedBeneficiaryId,
      survivorId: beneficiaryId,
    });
  }
}
