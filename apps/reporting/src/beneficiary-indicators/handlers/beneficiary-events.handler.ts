import { Controller } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import type { EventEnvelope } from '@mrm/contracts';
import { JetStreamContext, streamOf } from '@mrm/messaging';
import { StreamCheckpoints } from '../../projections/stream-checkpoints';
import { BENEFICIARY_FACT_EVENTS, BeneficiaryFactsProjector } from '../beneficiary-facts.projector';

/** Live consumer of registration events into the beneficiary facts (one transaction per event). */
@Controller()
export class BeneficiaryEventsHandler {
  constructor(
    private readonly projector: BeneficiaryFactsProjector,
    private readonly checkpoints: StreamCheckpoints,
  ) {}

  @EventPattern(BENEFICIARY_FACT_EVENTS.map((definition) => definition.subject))
  async on(@Payload() event: EventEnvelope, @Ctx() context: JetStreamContext): Promise<void> {
    await this.projector.apply(context.entityManager, [event]);
    await this.checkpoints.record(
      context.entityManager,
      streamOf('registration'),
      context.message.info.streamSequence,
      event.time,
    );
  }
}
