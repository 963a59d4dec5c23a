import { Injectable } from '@nestjs/common';
import { referralCancelledV1 } from '@mrm/contracts';
import { OutboxWriter } from '@mrm/messaging';
import { Not, type EntityManager } from 'typeorm';
import { CLOSED_STATUSES } from './referral-actions';
import { ReferralDeadlinesService } from './referral-deadlines.service';
import { factsOf } from './referral-facts';
import { recordTransition } from './referral-history';
import { ReferralEntity } from './referral.entity';

/** An institution that received the person, and through which referrals. */
export interface ErasureRecipient {
  readonly receivingOrg: string;
  readonly referralIds: string[];
}

const SYSTEM = { sub: 'system', org: 'REFERRALS' };

/** What an erasure does to a person's referrals: the open ones end, the receivers are named. */
@Injectable()
export class ReferralErasuresService {
  constructor(
    private readonly deadlines: ReferralDeadlinesService,
    private readonly outbox: OutboxWriter,
  ) {}

  /**
   * Cancels the person's unfinished referrals (`beneficiary-erased`) and returns every institution
   * that received the person; drafts were never sent and name nobody.
   */
  async closeFor(
    em: EntityManager,
    input: { beneficiaryId: string; erasedAt: Date },
  ): Promise<ErasureRecipient[]> {
    const referrals = await em.find(ReferralEntity, {
      where: { beneficiaryId: input.beneficiaryId, status: Not('draft') },
      lock: { mode: 'pessimistic_write' },
      order: { createdAt: 'ASC' },
    });
    const recipients = new Map<string, string[]>();
    for (const referral of referrals) {
      recipients.set(referral.receivingOrg, [
        ...(recipients.get(referral.receivingOrg) ?? []),
        referral.id,
      ]);
      if (!(CLOSED_STATUSES as readonly string[]).includes(referral.status)) {
        await this.cancel(em, referral, input.erasedAt);
      }
    }
    return [...recipients].map(([receivingOrg, referralIds]) => ({ receivingOrg, referralIds }));
  }

  private async cancel(em: EntityManager, referral: ReferralEntity, at: Date): Promise<void> {
    const fromStatus = referral.status;
    referral.status = 'cancelled';
    referral.businessStatus = 'beneficiary-erased';
    referral.closedAt = at;
    referral.version += 1;
    referral.updatedAt = at;
    await em.save(ReferralEntity, referral);
    await recordTransition(em, { referral, action: 'erase', fromStatus, actor: SYSTEM, at });
    await this.deadlines.settle(em, referral);
    await this.outbox.append(em, referralCancelledV1, factsOf(referral, at), {
      subject: referral.id,
      time: at,
    });
  }
}
