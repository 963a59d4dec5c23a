import { Controller } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import type { EventEnvelope } from '@mrm/contracts';
import { JetStreamContext, streamOf } from '@mrm/messaging';
import { StreamCheckpoints } from '../../projections/stream-checkpoints';
import { TRAINING_FACT_EVENTS, TrainingFactsProjector } from '../training-facts.projector';

/** Live consumer of training events into the enrolment and satisfaction facts (one transaction per event, with the checkpoint). */
@Controller()
export class TrainingEventsHandler {
  constructor(
    private readonly projector: TrainingFactsProjector,
    private readonly checkpoints: StreamCheckpoints,
  ) {}

  @EventPattern(TRAINING_FACT_EVENTS.map((definition) => definition.subject))
  async on(@Payload() event: EventEnvelope, @Ctx() context: JetStreamContext): Promise<void> {
    await this.projector.apply(context.entityManager, [event]);
    await this.checkpoints.record(
      context.entityManager,
      streamOf('training'),
      context.message.info.streamSequence,
      event.time,
    );
  }
}
