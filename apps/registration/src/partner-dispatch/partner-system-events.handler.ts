import { Controller } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import {
  partnerSystemRegisteredV1,
  partnerSystemRevokedV1,
  referralErasureRequestedV1,
  type EventEnvelope,
  type PartnerSystemRegisteredV1,
  type PartnerSystemRevokedV1,
  type ReferralErasureRequestedV1,
} from '@mrm/contracts';
import { JetStreamContext } from '@mrm/messaging';
import { PartnerDispatchService } from './partner-dispatch.service';

/** The partner systems' keys, and the erasures their institutions must carry out. */
@Controller()
export class PartnerSystemEventsHandler {
  constructor(private readonly dispatch: PartnerDispatchService) {}

  @EventPattern(partnerSystemRegisteredV1.subject)
  async registered(
    @Payload() event: EventEnvelope<PartnerSystemRegisteredV1>,
    @Ctx() context: JetStreamContext,
  ): Promise<void> {
    await this.dispatch.registerKey(context.entityManager, event.data);
  }

  @EventPattern(partnerSystemRevokedV1.subject)
  async revoked(
    @Payload() event: EventEnvelope<PartnerSystemRevokedV1>,
    @Ctx() context: JetStreamContext,
  ): Promise<void> {
    await this.dispatch.revokeKey(context.entityManager, event.data);
  }

  @EventPattern(referralErasureRequestedV1.subject)
  async erasureRequested(
    @Payload() event: EventEnvelope<ReferralErasureRequestedV1>,
    @Ctx() context: JetStreamContext,
  ): Promise<void> {
    await this.dispatch.erasureRequested(context.entityManager, event.data);
  }
}
