import { Matches } from 'class-validator';
import { defineEvent } from '../event-definition';
import { ReferralFactsV1 } from './referral-facts';

export class ReferralBusinessStatusChangedV1 extends ReferralFactsV1 {
  /** The local step within the status, a kebab-case code, e.g. `appointment-booked`. */
  @Matches(/^[a-z0-9][a-z0-9-]{1,39}$/) readonly businessStatus: string;
}

export const referralBusinessStatusChangedV1 = defineEvent({
  type: 'referral.business-status-changed.v1',
  producer: 'referrals',
  payload: ReferralBusinessStatusChangedV1,
  description: 'One end of an open referral recorded a local step (business status).',
});
