import { Controller } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import {
  enrolmentCompletedV1,
  type EnrolmentCompletedV1,
  type EventEnvelope,
} from '@mrm/contracts';
import { JetStreamContext } from '@mrm/messaging';
import { TrainingCompletionsService } from './training-completions.service';

/** Training's events the plans show: a completed training (a durable consumer on `TRAINING`). */
@Controller()
export class TrainingEventsHandler {
  constructor(private readonly completions: TrainingCompletionsService) {}

  @EventPattern(enrolmentCompletedV1.subject)
  async enrolmentCompleted(
    @Payload() event: EventEnvelope<EnrolmentCompletedV1>,
    @Ctx() context: JetStreamContext,
  ): Promise<void> {
    await this.completions.record(context.entityManager, event);
  }
}
