import { Controller } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import {
  referralAcceptedV1,
  referralCancelledV1,
  referralCompletedV1,
  referralFailedV1,
  referralReceivedV1,
  referralRedirectedV1,
  referralRejectedV1,
  referralRequestedV1,
  referralStartedV1,
  referralSuspendedV1,
  type ReferralAcceptedV1,
  type ReferralCancelledV1,
  type ReferralCompletedV1,
  type ReferralFailedV1,
  type ReferralReceivedV1,
  type ReferralRedirectedV1,
  type ReferralRejectedV1,
  type ReferralRequestedV1,
  type ReferralStartedV1,
  type ReferralSuspendedV1,
  type EventEnvelope,
} from '@mrm/contracts';
import { JetStreamContext } from '@mrm/messaging';
import { PartnerDispatchService } from '../partner-dispatch/partner-dispatch.service';
import { ReferralAccessService } from './referral-access.service';

/**
 * The referrals service's events that open and close a receiving institution's read access:
 * sent, acknowledged, accepted, in progress keep it open; any end or a suspension closes it. A
 * receiving institution with its own system is also sent the referral, its cancellation and the
 * withdrawal of its consent over the partner bus (`PartnerDispatchService`).
 */
@Controller()
export class ReferralEventsHandler {
  constructor(
    private readonly access: ReferralAccessService,
    private readonly partners: PartnerDispatchService,
  ) {}

  @EventPattern(referralRequestedV1.subject)
  async requested(
    @Payload() event: EventEnvelope<ReferralRequestedV1>,
    @Ctx() context: JetStreamContext,
  ): Promise<void> {
    await this.access.apply(context.entityManager, {
      facts: event.data,
      open: true,
      dataCategories: event.data.dataCategories,
    });
    await this.partners.referralChanged(context.entityManager, {
      change: 'requested',
      facts: event.data,
      consentId: event.data.consentId,
      dataCategories: event.data.dataCategories,
    });
  }

  @EventPattern(referralReceivedV1.subject)
  async received(
    @Payload() event: EventEnvelope<ReferralReceivedV1>,
    @Ctx() context: JetStreamContext,
  ): Promise<void> {
    await this.access.apply(context.entityManager, { facts: event.data, open: true });
  }

  @EventPattern(referralAcceptedV1.subject)
  async accepted(
    @Payload() event: EventEnvelope<ReferralAcceptedV1>,
    @Ctx() context: JetStreamContext,
  ): Promise<void> {
    await this.access.apply(context.entityManager, { facts: event.data, open: true });
  }

  @EventPattern(referralStartedV1.subject)
  async started(
    @Payload() event: EventEnvelope<ReferralStartedV1>,
    @Ctx() context: JetStreamContext,
  ): Promise<void> {
    await this.access.apply(context.entityManager, { facts: event.data, open: true });
  }

  @EventPattern(referralRejectedV1.subject)
  async rejected(
    @Payload() event: EventEnvelope<ReferralRejectedV1>,
    @Ctx() context: JetStreamContext,
  ): Promise<void> {
    await this.access.apply(context.entityManager, { facts: event.data, open: false });
  }

  @EventPattern(referralRedirectedV1.subject)
  async redirected(
    @Payload() event: EventEnvelope<ReferralRedirectedV1>,
    @Ctx() context: JetStreamContext,
  ): Promise<void> {
    await this.access.apply(context.entityManager, { facts: event.data, open: false });
  }

  @EventPattern(referralCompletedV1.subject)
  async completed(
    @Payload() event: EventEnvelope<ReferralCompletedV1>,
    @Ctx() context: JetStreamContext,
  ): Promise<void> {
    await this.access.apply(context.entityManager, { facts: event.data, open: false });
  }

  @EventPattern(referralFailedV1.subject)
  async failed(
    @Payload() event: EventEnvelope<ReferralFailedV1>,
    @Ctx() context: JetStreamContext,
  ): Promise<void> {
    await this.access.apply(context.entityManager, { facts: event.data, open: false });
  }

  @EventPattern(referralCancelledV1.subject)
  async cancelled(
    @Payload() event: EventEnvelope<ReferralCancelledV1>,
    @Ctx() context: JetStreamContext,
  ): Promise<void> {
    await this.access.apply(context.entityManager, { facts: event.data, open: false });
    await this.partners.referralChanged(context.entityManager, {
      change: 'cancelled',
      facts: event.data,
    });
  }

  @EventPattern(referralSuspendedV1.subject)
  async suspended(
    @Payload() event: EventEnvelope<ReferralSuspendedV1>,
    @Ctx() context: JetStreamContext,
  ): Promise<void> {
    await this.access.apply(context.entityManager, { facts: event.data, open: false });
    await this.partners.referralChanged(context.entityManager, {
      change: 'consent-withdrawn',
      facts: event.data,
    });
  }
}
