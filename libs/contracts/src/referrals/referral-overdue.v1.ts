import { IsISO8601, IsIn } from 'class-validator';
import { defineEvent } from '../event-definition';
import { ReferralFactsV1 } from './referral-facts';
import { DEADLINE_KINDS } from './referral-vocabulary';

export class ReferralOverdueV1 extends ReferralFactsV1 {
  /** `acknowledgement` or `answer`. */
  @IsIn(DEADLINE_KINDS) readonly deadline: string;
  /** When the deadline fell. */
  @IsISO8601() readonly dueAt: string;
}

export const referralOverdueV1 = defineEvent({
  type: 'referral.overdue.v1',
  producer: 'referrals',
  payload: ReferralOverdueV1,
  description: 'A referral missed a deadline and was escalated to the coordinators.',
});
