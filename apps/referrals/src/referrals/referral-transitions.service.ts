import { Injectable } from '@nestjs/common';
import type { Principal } from '@mrm/auth';
import { assertVersionMatches } from '@mrm/http';
import { OutboxWriter } from '@mrm/messaging';
import { Clock } from '@mrm/timers';
import { DataSource, type EntityManager } from 'typeorm';
import { REFERRAL_ACTIONS, type ReferralAction } from './referral-actions';
import { assertSide, assertVisible } from './referral-access';
import { ReferralDeadlinesService } from './referral-deadlines.service';
import { appendTransitionEvent } from './referral-events';
import { recordTransition } from './referral-history';
import { ReferralRequestsService } from './referral-requests.service';
import { ReferralEntity } from './referral.entity';
import { ReferralError } from './referral.errors';
import { ReferralsService } from './referrals.service';

/** What an action needs besides the referral: its note and its own fields. */
export interface TransitionInput {
  readonly principal: Principal;
  readonly referralId: string;
  readonly action: ReferralAction;
  readonly expectedVersion: number | undefined;
  readonly note?: string;
  readonly rejectionReason?: string;
  readonly outcome?: string;
  readonly redirectServiceId?: string;
  readonly overrideReason?: string;
}

/** Moves a referral along the FHIR Task state machine, one locked transaction per action. */
@Injectable()
export class ReferralTransitionsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly referrals: ReferralsService,
    private readonly requests: ReferralRequestsService,
    private readonly deadlines: ReferralDeadlinesService,
    private readonly outbox: OutboxWriter,
    private readonly clock: Clock,
  ) {}

  async transition(input: TransitionInput): Promise<ReferralEntity> {
    return this.dataSource.transaction((em) => this.transitionIn(em, input));
  }

  /** The same inside the caller's transaction (a partner's answer applies with its inbox row). */
  async transitionIn(em: EntityManager, input: TransitionInput): Promise<ReferralEntity> {
    const { principal, action } = input;
    const referral = await em.findOne(ReferralEntity, {
      where: { id: input.referralId },
      lock: { mode: 'pessimistic_write' },
    });
    if (!referral) throw new ReferralError('REFERRAL_NOT_FOUND');
    assertVisible(principal, referral);
    assertVersionMatches({ expected: input.expectedVersion, current: referral.version });
    const rule = REFERRAL_ACTIONS[action];
    assertSide(principal, referral, rule.side);
    if (!(rule.from as readonly string[]).includes(referral.status)) {
      throw new ReferralError('REFERRAL_TRANSITION_NOT_ALLOWED', {
        detail: `A ${referral.status} referral cannot be sent to ${action}`,
      });
    }
    const fromStatus = referral.status;
    const now = this.clock.now();
    const redirectedTo = await this.apply(em, { ...input, referral, now });
    referral.status = rule.to;
    referral.version += 1;
    referral.updatedAt = now;
    await em.save(ReferralEntity, referral);
    const actor = { sub: principal.sub, org: principal.org };
    await recordTransition(em, {
      referral,
      action,
      fromStatus,
      actor,
      note: input.note,
      at: now,
    });
    await this.deadlines.settle(em, referral);
    if (action === 'submit') {
      await this.requests.announce(em, { ...input, referral, now });
    } else {
      await appendTransitionEvent({
        em,
        outbox: this.outbox,
        action,
        referral,
        redirectedTo,
        now,
      });
    }
    return referral;
  }

  // The fields each action sets besides the status; a redirect opens the linked referral.
  private async apply(
    em: EntityManager,
    input: TransitionInput & { referral: ReferralEntity; now: Date },
  ): Promise<ReferralEntity | undefined> {
    const { referral, now } = input;
    switch (input.action) {
      case 'submit':
        await this.requests.prepare(em, { ...input, now });
        return undefined;
      case 'acknowledge':
        referral.acknowledgedAt = now;
        return undefined;
      case 'accept':
        referral.answeredAt = now;
        return undefined;
      case 'reject':
        referral.answeredAt = now;
        referral.rejectionReason = input.rejectionReason ?? 'other';
        referral.closedAt = now;
        return undefined;
      case 'redirect':
        return this.redirect(em, input);
      case 'start':
        return undefined;
      case 'complete':
        referral.outcome = input.outcome ?? 'other';
        referral.closedAt = now;
        return undefined;
      case 'fail':
      case 'cancel':
        referral.closedAt = now;
        return undefined;
    }
  }

  private async redirect(
    em: EntityManager,
    input: TransitionInput & { referral: ReferralEntity; now: Date },
  ): Promise<ReferralEntity> {
    const { referral, now } = input;
    const next = await this.referrals.open(em, {
      principal: input.principal,
      draft: false,
      referral: {
        beneficiaryId: referral.beneficiaryId,
        serviceId: input.redirectServiceId ?? referral.serviceId,
        reason: referral.reason,
        servicesRequested: referral.servicesRequested,
        priority: referral.priority,
        dataCategories: referral.dataCategories,
        notes: referral.notes,
        referringOrg: referral.referringOrg,
        referringOfficer: referral.referringOfficer,
        redirectedFromId: referral.id,
      },
    });
    referral.answeredAt = now;
    referral.closedAt = now;
    referral.businessStatus = 'redirected';
    referral.redirectedToId = next.id;
    return next;
  }
}
