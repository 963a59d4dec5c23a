import { Controller } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import type { EventEnvelope } from '@mrm/contracts';
import { JetStreamContext, streamOf } from '@mrm/messaging';
import { StreamCheckpoints } from '../../projections/stream-checkpoints';
import {
  REINTEGRATION_FACT_EVENTS,
  ReintegrationFactsProjector,
} from '../reintegration-facts.projector';

/** Live consumer of reintegration events into the plan, project, visit and survey facts (one transaction per event, with the checkpoint). */
@Controller()
export class ReintegrationEventsHandler {
  constructor(
    private readonly projector: ReintegrationFactsProjector,
    private readonly checkpoints: StreamCheckpoints,
  ) {}

  @EventPattern(REINTEGRATION_FACT_EVENTS.map((definition) => definition.subject))
  async on(@Payload() event: EventEnvelope, @Ctx() context: JetStreamContext): Promise<void> {
    await this.projector.apply(context.entityManager, [event]);
    await this.checkpoints.record(
      context.entityManager,
      streamOf('reintegration'),
      context.message.info.streamSequence,
      event.time,
    );
  }
}
