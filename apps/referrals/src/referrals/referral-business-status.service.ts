import { Injectable } from '@nestjs/common';
import type { Principal } from '@mrm/auth';
import { referralBusinessStatusChangedV1 } from '@mrm/contracts';
import { assertVersionMatches } from '@mrm/http';
import { OutboxWriter } from '@mrm/messaging';
import { Clock } from '@mrm/timers';
import { DataSource } from 'typeorm';
import { OPEN_STATUSES } from './referral-actions';
import { assertVisible } from './referral-access';
import { factsOf } from './referral-facts';
import { recordTransition } from './referral-history';
import { ReferralEntity } from './referral.entity';
import { ReferralError } from './referral.errors';

/** A local step recorded by either end of an open referral, without changing its status. */
@Injectable()
export class ReferralBusinessStatusService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: OutboxWriter,
    private readonly clock: Clock,
  ) {}

  async set(input: {
    principal: Principal;
    referralId: string;
    expectedVersion: number | undefined;
    businessStatus: string;
    note?: string;
  }): Promise<ReferralEntity> {
    const { principal } = input;
    return this.dataSource.transaction(async (em) => {
      const referral = await em.findOne(ReferralEntity, {
        where: { id: input.referralId },
        lock: { mode: 'pessimistic_write' },
      });
      if (!referral) throw new ReferralError('REFERRAL_NOT_FOUND');
      assertVisible(principal, referral);
      assertVersionMatches({ expected: input.expectedVersion, current: referral.version });
      const ends = [referral.referringOrg, referral.receivingOrg];
      if (!ends.includes(principal.org)) throw new ReferralError('REFERRAL_ACTION_FORBIDDEN');
      if (!(OPEN_STATUSES as readonly string[]).includes(referral.status)) {
        throw new ReferralError('REFERRAL_TRANSITION_NOT_ALLOWED', {
          detail: `A ${referral.status} referral takes no more steps`,
        });
      }
      const now = this.clock.now();
      referral.businessStatus = input.businessStatus;
      referral.version += 1;
      referral.updatedAt = now;
      await em.save(ReferralEntity, referral);
      const actor = { sub: principal.sub, org: principal.org };
      const step = { referral, action: `business-status:${input.businessStatus}` };
      await recordTransition(em, {
        ...step,
        fromStatus: referral.status,
        actor,
        note: input.note,
        at: now,
      });
      const data = { ...factsOf(referral, now), businessStatus: input.businessStatus };
      await this.outbox.append(em, referralBusinessStatusChangedV1, data, {
        subject: referral.id,
        time: now,
      });
      return referral;
    });
  }
}
