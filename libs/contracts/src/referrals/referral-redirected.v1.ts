import { IsUUID, Matches } from 'class-validator';
import { defineEvent } from '../event-definition';
import { ReferralFactsV1 } from './referral-facts';

export class ReferralRedirectedV1 extends ReferralFactsV1 {
  /** The linked referral created for the other service. */
  @IsUUID() readonly newReferralId: string;
  /** Institution code of the service the person was sent on to. */
  @Matches(/^[A-Z0-9-]{2,32}$/) readonly newReceivingOrg: string;
  /** Id of the service the person was sent on to. */
  @IsUUID() readonly newServiceId: string;
}

export const referralRedirectedV1 = defineEvent({
  type: 'referral.redirected.v1',
  producer: 'referrals',
  payload: ReferralRedirectedV1,
  description:
    'The receiving institution sent the person on to another service; a linked referral was created.',
});
