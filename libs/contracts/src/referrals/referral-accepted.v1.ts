import { defineEvent } from '../event-definition';
import { ReferralFactsV1 } from './referral-facts';

export class ReferralAcceptedV1 extends ReferralFactsV1 {}

export const referralAcceptedV1 = defineEvent({
  type: 'referral.accepted.v1',
  producer: 'referrals',
  payload: ReferralAcceptedV1,
  description: 'The receiving institution accepted a referral.',
});
