import { Injectable } from '@nestjs/common';
import type { Principal } from '@mrm/auth';
import { referralRequestedV1, uuidv7 } from '@mrm/contracts';
import { OutboxWriter } from '@mrm/messaging';
import type { EntityManager } from 'typeorm';
import { ConsentsService } from '../consents/consents.service';
import { ConsentOverrideEntity } from './consent-override.entity';
import { ReferralDeadlinesService } from './referral-deadlines.service';
import { ReferralSuspensionsService } from './referral-suspensions.service';
import { factsOf } from './referral-facts';
import type { ReferralEntity } from './referral.entity';
import { ReferralError } from './referral.errors';

/** Sends a referral to its receiver: the consent check, the deadlines, the audit and the event. */
@Injectable()
export class ReferralRequestsService {
  constructor(
    private readonly consents: ConsentsService,
    private readonly deadlines: ReferralDeadlinesService,
    private readonly suspensions: ReferralSuspensionsService,
    private readonly outbox: OutboxWriter,
  ) {}

  /**
   * Moves the (unsaved) referral to `requested` if a valid consent covers the receiver, the
   * purpose and the data categories; without one only a coordinator's override with a reason does.
   */
  async prepare(
    em: EntityManager,
    input: {
      referral: ReferralEntity;
      principal: Principal;
      now: Date;
      consentId?: string;
      overrideReason?: string;
    },
  ): Promise<void> {
    const { referral, principal } = input;
    if (input.overrideReason !== undefined && !principal.roles.includes('coordinator')) {
      throw new ReferralError('CONSENT_OVERRIDE_FORBIDDEN');
    }
    const consent = await this.consents.findValid(em, {
      beneficiaryId: referral.beneficiaryId,
      recipient: referral.receivingOrg,
      dataCategories: referral.dataCategories,
      at: input.now,
      consentId: input.consentId,
    });
    if (!consent && input.overrideReason === undefined) {
      throw new ReferralError('CONSENT_REQUIRED', {
        detail: `No valid consent lets ${referral.receivingOrg} receive ${referral.dataCategories.join(', ')} for a referral`,
      });
    }
    referral.consentId = consent?.consentId ?? null;
    referral.consentOverridden = !consent;
    referral.status = 'requested';
    referral.requestedAt = input.now;
    await this.deadlines.arm(em, referral);
    if (consent?.expiresAt) {
      await this.suspensions.watchExpiry(em, { ...consent, expiresAt: consent.expiresAt });
    }
  }

  /** After the referral is saved: the override's audit entry and `referral.requested.v1`. */
  async announce(
    em: EntityManager,
    input: { referral: ReferralEntity; principal: Principal; now: Date; overrideReason?: string },
  ): Promise<void> {
    const { referral, principal, now } = input;
    if (referral.consentOverridden && input.overrideReason !== undefined) {
      await em.insert(ConsentOverrideEntity, {
        id: uuidv7(),
        referralId: referral.id,
        beneficiaryId: referral.beneficiaryId,
        actorSub: principal.sub,
        actorOrg: principal.org,
        reason: input.overrideReason,
        occurredAt: now,
      });
    }
    const data = {
      ...factsOf(referral, now),
      ...(referral.consentId ? { consentId: referral.consentId } : {}),
      consentOverridden: referral.consentOverridden,
      dataCategories: [...referral.dataCategories],
      ...(referral.redirectedFromId ? { redirectedFromReferralId: referral.redirectedFromId } : {}),
    };
    await this.outbox.append(em, referralRequestedV1, data, { subject: referral.id, time: now });
  }
}
