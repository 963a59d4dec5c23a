import { IsIn, IsUUID } from 'class-validator';
import { defineEvent } from '../event-definition';
import { ReferralFactsV1 } from './referral-facts';

export class ReferralSuspendedV1 extends ReferralFactsV1 {
  /** The consent that no longer allows the referral. */
  @IsUUID() readonly consentId: string;
  /** `consent-withdrawn` or `consent-expired`. */
  @IsIn(['consent-withdrawn', 'consent-expired']) readonly cause: string;
}

export const referralSuspendedV1 = defineEvent({
  type: 'referral.suspended.v1',
  producer: 'referrals',
  payload: ReferralSuspendedV1,
  description:
    'An open referral was put on hold because the consent it relied on was withdrawn or expired; both ends are told.',
});
