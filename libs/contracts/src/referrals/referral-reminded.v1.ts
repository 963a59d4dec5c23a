import { IsISO8601, IsIn } from 'class-validator';
import { defineEvent } from '../event-definition';
import { ReferralFactsV1 } from './referral-facts';
import { DEADLINE_KINDS } from './referral-vocabulary';

export class ReferralRemindedV1 extends ReferralFactsV1 {
  /** `acknowledgement` or `answer`. */
  @IsIn(DEADLINE_KINDS) readonly deadline: string;
  /** When the deadline fell. */
  @IsISO8601() readonly dueAt: string;
}

export const referralRemindedV1 = defineEvent({
  type: 'referral.reminded.v1',
  producer: 'referrals',
  payload: ReferralRemindedV1,
  description: 'A reminder to the receiving institution of a referral whose deadline passed.',
});
