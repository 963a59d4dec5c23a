import { Controller } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import {
  beneficiaryRegisteredV1,
  type BeneficiaryRegisteredV1,
  type EventEnvelope,
} from '@mrm/contracts';
import { JetStreamContext } from '@mrm/messaging';
import { RosterProjector } from '../roster.projector';

@Controller()
export class BeneficiaryRegisteredHandler {
  constructor(private readonly roster: RosterProjector) {}

  @EventPattern(beneficiaryRegisteredV1.subject)
  async handle(
    @Payload() event: EventEnvelope<BeneficiaryRegisteredV1>,
    @Ctx() context: JetStreamContext,
  ): Promise<void> {
    await this.roster.applyDimensions(context.entityManager, event.data);
  }
}
