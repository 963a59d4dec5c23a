import { IsIn } from 'class-validator';
import { defineEvent } from '../event-definition';
import { ReferralFactsV1 } from './referral-facts';
import { REFERRAL_OUTCOMES } from './referral-vocabulary';

export class ReferralCompletedV1 extends ReferralFactsV1 {
  /** `service-provided`, `partially-provided`, `beneficiary-withdrew` or `other`. */
  @IsIn(REFERRAL_OUTCOMES) readonly outcome: string;
}

export const referralCompletedV1 = defineEvent({
  type: 'referral.completed.v1',
  producer: 'referrals',
  payload: ReferralCompletedV1,
  description: 'The receiving institution completed the referral and reported its outcome.',
});
