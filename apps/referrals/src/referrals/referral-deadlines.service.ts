import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import {
  referralOverdueV1,
  referralRemindedV1,
  type DeadlineKind,
  type ReferralPriority,
} from '@mrm/contracts';
import { OutboxWriter, type OutboxEvent } from '@mrm/messaging';
import { Clock, TimerScheduler, TimerSweeper, type DueTimer } from '@mrm/timers';
import { In, type EntityManager } from 'typeorm';
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
      this.sweeper.registerBatch(TIMER_KINDS[deadline], (em, timers) =>
        this.onMissed(em, timers, deadline),
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

  // Escalates once: the timer fires once across replicas, and a referral answered meanwhile is
  // left. A day's missed deadlines come as one batch: a lock, an update and an insert for all.
  private async onMissed(em: EntityManager, timers: readonly DueTimer[], deadline: DeadlineKind) {
    const dueAt = new Map(timers.map((timer) => [timer.key, timer.dueAt]));
    // In id order, so that two sweeps locking the same referrals queue rather than deadlock; a
    // deadlock still left (the two kinds of one sweep) undoes this batch, which then goes one by one.
    const referrals = await em.find(ReferralEntity, {
      where: { id: In([...dueAt.keys()]) },
      order: { id: 'ASC' },
      lock: { mode: 'pessimistic_write' },
    });
    const missed = referrals.filter(STILL_WAITING[deadline]);
    if (missed.length === 0) return;
    const now = this.clock.now();
    await em
      .createQueryBuilder()
      .update(ReferralEntity)
      .set({
        escalatedAt: () => 'COALESCE(escalated_at, :now)',
        version: () => 'version + 1',
        updatedAt: now,
      })
      .whereInIds(missed.map((referral) => referral.id))
      .setParameter('now', now)
      .execute();
    const events: OutboxEvent[] = [];
    // Events in the timers' order (due first), not the lock's.
    const position = new Map(timers.map((timer, index) => [timer.key, index]));
    missed.sort((a, b) => position.get(a.id)! - position.get(b.id)!);
    for (const referral of missed) {
      Object.assign(referral, {
        escalatedAt: referral.escalatedAt ?? now,
        version: referral.version + 1,
        updatedAt: now,
      });
      const data = {
        ...factsOf(referral, now),
        deadline,
        dueAt: dueAt.get(referral.id)!.toISOString(),
      };
      const options = { subject: referral.id, time: now };
      events.push({ definition: referralOverdueV1, data, options });
      events.push({ definition: referralRemindedV1, data, options });
    }
    await this.outbox.appendAll(em, events);
  }
}
