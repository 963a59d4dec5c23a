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
import { ConsentsService } from '../consents/consents.service';
import { ErasureRequestsService } from '../erasures/erasure-requests.service';
import { ReferralMergesService } from '../referrals/referral-merges.service';

/**
 * The service's one handler per registration subject: the roster first, then the service's own
 * reactions, all in the delivery's transaction.
 */
@Controller()
export class RegistrationEventsHandler {
  constructor(
    private readonly roster: RosterProjector,
    private readonly consents: ConsentsService,
    private readonly erasures: ErasureRequestsService,
    private readonly merges: ReferralMergesService,
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
    await this.roster.markMerged(context.entityManager, {
      duplicateId: mergedBeneficiaryId,
      survivorId: beneficiaryId,
    });
    await this.consents.repoint(context.entityManager, {
      fromId: mergedBeneficiaryId,
      toId: beneficiaryId,
    });
    await this.merges.followSurvivor(context.entityManager, {
      duplicateId: mergedBeneficiaryId,
      survivorId: beneficiaryId,
      at: new Date(event.data.mergedAt),
    });
  }

  @EventPattern(beneficiaryErasedV1.subject)
  async erased(
    @Payload() event: EventEnvelope<BeneficiaryErasedV1>,
    @Ctx() context: JetStreamContext,
  ): Promise<void> {
    await this.roster.markErased(context.entityManager, event.data);
    await this.erasures.onBeneficiaryErased(context.entityManager, event.data);
  }
}
