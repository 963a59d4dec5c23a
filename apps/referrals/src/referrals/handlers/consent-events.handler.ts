import { Controller } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import {
  beneficiaryConsentGrantedV1,
  beneficiaryConsentWithdrawnV1,
  type BeneficiaryConsentGrantedV1,
  type BeneficiaryConsentWithdrawnV1,
  type EventEnvelope,
} from '@mrm/contracts';
import { JetStreamContext } from '@mrm/messaging';
import { ConsentsService } from '../../consents/consents.service';
import { ReferralSuspensionsService } from '../referral-suspensions.service';

/** Registration's consents: the read model first, then the referrals a withdrawal stops. */
@Controller()
export class ConsentEventsHandler {
  constructor(
    private readonly consents: ConsentsService,
    private readonly suspensions: ReferralSuspensionsService,
  ) {}

  @EventPattern(beneficiaryConsentGrantedV1.subject)
  async granted(
    @Payload() event: EventEnvelope<BeneficiaryConsentGrantedV1>,
    @Ctx() context: JetStreamContext,
  ): Promise<void> {
    await this.consents.recordGranted(context.entityManager, event.data);
  }

  @EventPattern(beneficiaryConsentWithdrawnV1.subject)
  async withdrawn(
    @Payload() event: EventEnvelope<BeneficiaryConsentWithdrawnV1>,
    @Ctx() context: JetStreamContext,
  ): Promise<void> {
    await this.consents.recordWithdrawn(context.entityManager, event.data);
    await this.suspensions.suspendCoveredBy(context.entityManager, {
      consentId: event.data.consentId,
      cause: 'consent-withdrawn',
    });
  }
}
