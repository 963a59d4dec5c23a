import { Controller } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import { beneficiaryErasedV1, type BeneficiaryErasedV1, type EventEnvelope } from '@mrm/contracts';
import { JetStreamContext } from '@mrm/messaging';
import { RosterProjector } from '../roster.projector';

@Controller()
export class BeneficiaryErasedHandler {
  constructor(private readonly roster: RosterProjector) {}

  @EventPattern(beneficiaryErasedV1.subject)
  async handle(
    @Payload() event: EventEnvelope<BeneficiaryErasedV1>,
    @Ctx() context: JetStreamContext,
  ): Promise<void> {
    await this.roster.markErased(context.entityManager, event.data);
  }
}
