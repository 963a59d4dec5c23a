import { ArrayMaxSize, IsArray, IsISO8601, IsUUID, Matches } from 'class-validator';
import { defineEvent } from '../event-definition';

export class ReferralErasureRequestedV1 {
  /** Erasure request id; the institution's acknowledgement names it. */
  @IsUUID() readonly erasureRequestId: string;
  /** Pseudonymous id of the erased beneficiary. */
  @IsUUID() readonly beneficiaryId: string;
  /** Institution code of the institution that received the person and must erase. */
  @Matches(/^[A-Z0-9-]{2,32}$/) readonly receivingOrg: string;
  /** The referrals through which that institution received the person. */
  @IsArray() @ArrayMaxSize(1000) @IsUUID('all', { each: true }) readonly referralIds: string[];
  /** When registration erased the person. */
  @IsISO8601() readonly erasedAt: string;
}

export const referralErasureRequestedV1 = defineEvent({
  type: 'referral.erasure-requested.v1',
  producer: 'referrals',
  payload: ReferralErasureRequestedV1,
  description:
    'A person was erased: an institution that received them through referrals must erase them too.',
});
