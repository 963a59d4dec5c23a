import { Controller } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import {
  beneficiaryClosedV1,
  beneficiaryErasedV1,
  beneficiaryMergedV1,
  beneficiaryRegisteredV1,
  beneficiaryUpdatedV1,
  type EventEnvelope,
} from '@mrm/contracts';
import { JetStreamContext } from '@mrm/messaging';
import { BeneficiaryFactsProjector } from '../beneficiary-facts.projector';

/** Live consumer of registration events into the beneficiary facts (one transaction per event). */
@Controller()
export class BeneficiaryEventsHandler {
  constructor(private readonly projector: BeneficiaryFactsProjector) {}

  @EventPattern(beneficiaryRegisteredV1.subject)
  onRegistered(@Payload() event: EventEnvelope, @Ctx() context: JetStreamContext): Promise<void> {
    return this.projector.apply(context.entityManager, [event]);
  }

  @EventPattern(beneficiaryUpdatedV1.subject)
  onUpdated(@Payload() event: EventEnvelope, @Ctx() context: JetStreamContext): Promise<void> {
    return this.projector.apply(context.entityManager, [event]);
  }

  @EventPattern(beneficiaryClosedV1.subject)
  onClosed(@Payload() event: EventEnvelope, @Ctx() context: JetStreamContext): Promise<void> {
    return this.projector.apply(context.entityManager, [event]);
  }

  @EventPattern(beneficiaryMergedV1.subject)
  onMerged(@Payload() event: EventEnvelope, @Ctx() context: JetStreamContext): Promise<void> {
    return this.projector.apply(context.entityManager, [event]);
  }

  @EventPattern(beneficiaryErasedV1.subject)
  onErased(@Payload() event: EventEnvelope, @Ctx() context: JetStreamContext): Promise<void> {
    return this.projector.apply(context.entityManager, [event]);
  }
}
