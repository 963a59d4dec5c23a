import { Injectable, type OnModuleInit } from '@nestjs/common';
import { referralSuspendedV1 } from '@mrm/contracts';
import { OutboxWriter } from '@mrm/messaging';
import { Clock, TimerScheduler, TimerSweeper } from '@mrm/timers';
import { In, type EntityManager } from 'typeorm';
import { OPEN_STATUSES } from './referral-actions';
import { ReferralDeadlinesService } from './referral-deadlines.service';
import { factsOf } from './referral-facts';
import { recordTransition } from './referral-history';
import { ReferralEntity } from './referral.entity';

const SYSTEM = { sub: 'system', org: 'REFERRALS' };
const CONSENT_EXPIRY = 'referral.consent-expiry';

/** Puts on hold the open referrals a consent no longer allows, and tells both ends (events). */
@Injectable()
export class ReferralSuspensionsService implements OnModuleInit {
  constructor(
    private readonly deadlines: ReferralDeadlinesService,
    private readonly outbox: OutboxWriter,
    private readonly clock: Clock,
    private readonly timers: TimerScheduler,
    private readonly sweeper: TimerSweeper,
  ) {}

  onModuleInit(): void {
    this.sweeper.register(CONSENT_EXPIRY, async (em, timer) => {
      await this.suspendCoveredBy(em, { consentId: timer.key, cause: 'consent-expired' });
    });
  }

  /** Arms the suspension of the referrals a consent covers at the moment it lapses. */
  async watchExpiry(em: EntityManager, consent: { consentId: string; expiresAt: Date }) {
    await this.timers.schedule(em, {
      kind: CONSENT_EXPIRY,
      key: consent.consentId,
      dueAt: consent.expiresAt,
    });
  }

  /** Returns how many referrals were suspended; a redelivery finds none left open. */
  async suspendCoveredBy(
    em: EntityManager,
    input: { consentId: string; cause: 'consent-withdrawn' | 'consent-expired' },
  ): Promise<number> {
    const referrals = await em.find(ReferralEntity, {
      where: { consentId: input.consentId, status: In([...OPEN_STATUSES]) },
      lock: { mode: 'pessimistic_write' },
      order: { createdAt: 'ASC' },
    });
    const now = this.clock.now();
    for (const referral of referrals) {
      const fromStatus = referral.status;
      referral.status = 'on-hold';
      referral.holdReason = input.cause;
      referral.version += 1;
      referral.updatedAt = now;
      await em.save(ReferralEntity, referral);
      await recordTransition(em, {
        referral,
        action: 'suspend',
        fromStatus,
        actor: SYSTEM,
        at: now,
      });
      await this.deadlines.settle(em, referral);
      const data = { ...factsOf(referral, now), consentId: input.consentId, cause: input.cause };
      await this.outbox.append(em, referralSuspendedV1, data, { subject: referral.id, time: now });
    }
    return referrals.length;
  }
}
