import { defineEvent } from '../event-definition';
import { ReferralFactsV1 } from './referral-facts';

export class ReferralFailedV1 extends ReferralFactsV1 {}

export const referralFailedV1 = defineEvent({
  type: 'referral.failed.v1',
  producer: 'referrals',
  payload: ReferralFailedV1,
  description: 'The receiving institution could not complete an accepted referral.',
});
