import { defineEvent } from '../event-definition';
import { ReferralFactsV1 } from './referral-facts';

export class ReferralStartedV1 extends ReferralFactsV1 {}

export const referralStartedV1 = defineEvent({
  type: 'referral.started.v1',
  producer: 'referrals',
  payload: ReferralStartedV1,
  description: 'The receiving institution started providing the service (FHIR Task `in-progress`).',
});
