import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { recordTransition } from './referral-history';
import { ReferralEntity } from './referral.entity';

const SYSTEM = { sub: 'system', org: 'REFERRALS' };

/** What a merge in registration does to the duplicate's referrals: they follow the survivor. */
@Injectable()
export class ReferralMergesService {
  /**
   * Re-points every referral of the duplicate to the surviving record (a new version, a history
   * step), so that the person's consents, later erasure and lists all find them. Idempotent.
   */
  async followSurvivor(
    em: EntityManager,
    merge: { duplicateId: string; survivorId: string; at: Date },
  ): Promise<number> {
    const referrals = await em.find(ReferralEntity, {
      where: { beneficiaryId: merge.duplicateId },
      lock: { mode: 'pessimistic_write' },
      order: { createdAt: 'ASC' },
    });
    for (const referral of referrals) {
      referral.beneficiaryId = merge.survivorId;
      referral.version += 1;
      referral.updatedAt = merge.at;
      await em.save(ReferralEntity, referral);
      await recordTransition(em, {
        referral,
        action: 'beneficiary-merged',
        fromStatus: referral.status,
        actor: SYSTEM,
        note: 'Beneficiary record merged into its surviving record by registration',
        at: merge.at,
      });
    }
    return referrals.length;
  }
}
