import { Controller } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import type { EventEnvelope } from '@mrm/contracts';
import { JetStreamContext, streamOf } from '@mrm/messaging';
import { StreamCheckpoints } from '../../projections/stream-checkpoints';
import { REFERRAL_FACT_EVENTS, ReferralFactsProjector } from '../referral-facts.projector';

/** Live consumer of referrals events into the referral facts (one transaction per event, with the checkpoint). */
@Controller()
export class ReferralEventsHandler {
  constructor(
    private readonly projector: ReferralFactsProjector,
    private readonly checkpoints: StreamCheckpoints,
  ) {}

  @EventPattern(REFERRAL_FACT_EVENTS.map((definition) => definition.subject))
  async on(@Payload() event: EventEnvelope, @Ctx() context: JetStreamContext): Promise<void> {
    await this.projector.apply(context.entityManager, [event]);
    await this.checkpoints.record(
      context.entityManager,
      streamOf('referrals'),
      context.message.info.streamSequence,
      event.time,
    );
  }
}
