import { Controller } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import {
  beneficiaryUpdatedV1,
  type BeneficiaryUpdatedV1,
  type EventEnvelope,
} from '@mrm/contracts';
import { JetStreamContext } from '@mrm/messaging';
import { RosterProjector } from '../roster.projector';

@Controller()
export class BeneficiaryUpdatedHandler {
  constructor(private readonly roster: RosterProjector) {}

  @EventPattern(beneficiaryUpdatedV1.subject)
  async handle(
    @Payload() event: EventEnvelope<BeneficiaryUpdatedV1>,
    @Ctx() context: JetStreamContext,
  ): Promise<void> {
    await this.roster.applyDimensions(context.entityManager, event.data);
  }
}
