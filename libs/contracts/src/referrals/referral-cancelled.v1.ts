import { defineEvent } from '../event-definition';
import { ReferralFactsV1 } from './referral-facts';

export class ReferralCancelledV1 extends ReferralFactsV1 {}

export const referralCancelledV1 = defineEvent({
  type: 'referral.cancelled.v1',
  producer: 'referrals',
  payload: ReferralCancelledV1,
  description: 'The referring institution cancelled a referral.',
});
