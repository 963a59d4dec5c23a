import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import {
  referralOverdueV1,
  referralRemindedV1,
  type DeadlineKind,
  type ReferralPriority,
} from '@mrm/contracts';
import { OutboxWriter } from '@mrm/messaging';
import { Clock, TimerScheduler, TimerSweeper, type DueTimer } from '@mrm/timers';
import type { EntityManager } from 'typeorm';
import { DeadlinePolicy } from '../deadlines/deadline-policy';
import { factsOf } from './referral-facts';
import { ReferralEntity } from './referral.entity';
import { DEADLINE_POLICY } from '../deadlines/deadline.tokens';

const TIMER_KINDS: Record<DeadlineKind, string> = {
  acknowledgement: 'referral.acknowledgement-due',
  answer: 'referral.answer-due',
};

// A deadline is missed while the referral still waits for what it asks.
const STILL_WAITING: Record<DeadlineKind, (referral: ReferralEntity) => boolean> = {
  acknowledgement: (referral) => referral.status === 'requested',
  answer: (referral) => referral.status === 'requested' || referral.status === 'received',
};

/** The acknowledgement and answer deadlines of referrals, as durable timers that fire once. */
@Injectable()
export class ReferralDeadlinesService implements OnModuleInit {
  constructor(
    private readonly timers: TimerScheduler,
    private readonly sweeper: TimerSweeper,
    private readonly outbox: OutboxWriter,
    private readonly clock: Clock,
    @Inject(DEADLINE_POLICY) private readonly policy: DeadlinePolicy,
  ) {}

  onModuleInit(): void {
    for (const deadline of Object.keys(TIMER_KINDS) as DeadlineKind[]) {
      this.sweeper.register(TIMER_KINDS[deadline], (em, timer) =>
        this.onMissed(em, timer, deadline),
      );
    }
  }

  /** Sets the referral's due dates from its request time and arms both timers. */
  async arm(em: EntityManager, referral: ReferralEntity): Promise<void> {
    const due = this.policy.dueDates({
      serviceType: referral.serviceType,
      priority: referral.priority as ReferralPriority,
      requestedAt: referral.requestedAt ?? this.clock.now(),
    });
    referral.acknowledgementDueAt = due.acknowledgementDueAt;
    referral.answerDueAt = due.answerDueAt;
    await this.timers.schedule(em, {
      kind: TIMER_KINDS.acknowledgement,
      key: referral.id,
      dueAt: due.acknowledgementDueAt,
    });
    await this.timers.schedule(em, {
      kind: TIMER_KINDS.answer,
      key: referral.id,
      dueAt: due.answerDueAt,
    });
  }

  /** Disarms the timers the referral no longer waits for after a transition. */
  async settle(em: EntityManager, referral: ReferralEntity): Promise<void> {
    for (const deadline of Object.keys(TIMER_KINDS) as DeadlineKind[]) {
      if (!STILL_WAITING[deadline](referral)) {
        await this.timers.cancel(em, { kind: TIMER_KINDS[deadline], key: referral.id });
      }
    }
  }

  // Escalates once: the timer fires once across replicas, and a referral answered meanwhile is left.
  private async onMissed(em: EntityManager, timer: DueTimer, deadline: DeadlineKind) {
    const referral = await em.findOne(ReferralEntity, {
      where: { id: timer.key },
      lock: { mode: 'pessimistic_write' },
    });
    if (!referral || !STILL_WAITING[deadline](referral)) return;
    const now = this.clock.now();
    referral.escalatedAt ??= now;
    referral.version += 1;
    referral.updatedAt = now;
    await em.save(ReferralEntity, referral);
    const data = { ...factsOf(referral, now), deadline, dueAt: timer.dueAt.toISOString() };
    await this.outbox.append(em, referralOverdueV1, data, { subject: referral.id, time: now });
    await this.outbox.append(em, referralRemindedV1, data, { subject: referral.id, time: now });
  }
}
