import { defineEvent } from '../event-definition';
import { ReferralFactsV1 } from './referral-facts';

export class ReferralReceivedV1 extends ReferralFactsV1 {}

export const referralReceivedV1 = defineEvent({
  type: 'referral.received.v1',
  producer: 'referrals',
  payload: ReferralReceivedV1,
  description: 'The receiving institution acknowledged a referral (FHIR Task `received`).',
});
