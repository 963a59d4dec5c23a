import { IsIn } from 'class-validator';
import { defineEvent } from '../event-definition';
import { ReferralFactsV1 } from './referral-facts';
import { REJECTION_REASONS } from './referral-vocabulary';

export class ReferralRejectedV1 extends ReferralFactsV1 {
  /** `ineligible`, `no-capacity`, `declined-by-beneficiary`, `inappropriate` or `other`. */
  @IsIn(REJECTION_REASONS) readonly rejectionReason: string;
}

export const referralRejectedV1 = defineEvent({
  type: 'referral.rejected.v1',
  producer: 'referrals',
  payload: ReferralRejectedV1,
  description: 'The receiving institution declined a referral, with a coded reason.',
});
