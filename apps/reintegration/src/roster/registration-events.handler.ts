import { Controller } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import {
  beneficiaryErasedV1,
  beneficiaryMergedV1,
  beneficiaryRegisteredV1,
  beneficiaryUpdatedV1,
  type BeneficiaryErasedV1,
  type BeneficiaryMergedV1,
  type BeneficiaryRegisteredV1,
  type BeneficiaryUpdatedV1,
  type EventEnvelope,
} from '@mrm/contracts';
import { JetStreamContext } from '@mrm/messaging';
import { RosterProjector } from '@mrm/roster';
import { PlanRegistryService } from '../plans/plan-registry.service';
import { MemberRegistryService } from '../projects/member-registry.service';
import { SurveyRegistryService } from '../surveys/survey-registry.service';

/**
 * The service's one handler per registration subject: the roster first, then the service's own
 * reactions, all in the delivery's transaction.
 */
@Controller()
export class RegistrationEventsHandler {
  constructor(
    private readonly roster: RosterProjector,
    private readonly members: MemberRegistryService,
    private readonly plans: PlanRegistryService,
    private readonly surveys: SurveyRegistryService,
  ) {}

  @EventPattern(beneficiaryRegisteredV1.subject)
  async registered(
    @Payload() event: EventEnvelope<BeneficiaryRegisteredV1>,
    @Ctx() context: JetStreamContext,
  ): Promise<void> {
    await this.roster.applyDimensions(context.entityManager, event.data);
  }

  @EventPattern(beneficiaryUpdatedV1.subject)
  async updated(
    @Payload() event: EventEnvelope<BeneficiaryUpdatedV1>,
    @Ctx() context: JetStreamContext,
  ): Promise<void> {
    await this.roster.applyDimensions(context.entityManager, event.data);
  }

  @EventPattern(beneficiaryMergedV1.subject)
  async merged(
    @Payload() event: EventEnvelope<BeneficiaryMergedV1>,
    @Ctx() context: JetStreamContext,
  ): Promise<void> {
    const { mergedBeneficiaryId, beneficiaryId } = event.data;
    const merge = { duplicateId: mergedBeneficiaryId, survivorId: beneficiaryId };
    await this.roster.markMerged(context.entityManager, merge);
    await this.members.onBeneficiaryMerged(context.entityManager, merge);
    await this.plans.onBeneficiaryMerged(context.entityManager, merge);
    await this.surveys.onBeneficiaryMerged(context.entityManager, merge);
  }

  @EventPattern(beneficiaryErasedV1.subject)
  async erased(
    @Payload() event: EventEnvelope<BeneficiaryErasedV1>,
    @Ctx() context: JetStreamContext,
  ): Promise<void> {
    await this.roster.markErased(context.entityManager, event.data);
    await this.plans.onBeneficiaryErased(context.entityManager, event.data.beneficiaryId);
    await this.surveys.onBeneficiaryErased(context.entityManager, event.data.beneficiaryId);
  }
}
