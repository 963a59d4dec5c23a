import { IsBoolean, IsInt, IsISO8601, IsUUID, Matches, Min } from 'class-validator';
import { defineEvent } from '../event-definition';

export class ReferralErasureAcknowledgedV1 {
  /** The erasure request answered (from `referral.erasure-requested.v1`). */
  @IsUUID() readonly erasureRequestId: string;
  /** Pseudonymous id of the erased beneficiary. */
  @IsUUID() readonly beneficiaryId: string;
  /** Institution code of the institution that confirmed it erased the person. */
  @Matches(/^[A-Z0-9-]{2,32}$/) readonly receivingOrg: string;
  /** When registration erased the person. */
  @IsISO8601() readonly erasedAt: string;
  /** When the institution confirmed. */
  @IsISO8601() readonly acknowledgedAt: string;
  /** Seconds from the request to the confirmation. */
  @IsInt() @Min(0) readonly secondsToAcknowledge: number;
  /** Institutions asked about this person that have not confirmed yet. */
  @IsInt() @Min(0) readonly stillPending: number;
  /** True when every institution asked about this person has confirmed. */
  @IsBoolean() readonly allAcknowledged: boolean;
}

export const referralErasureAcknowledgedV1 = defineEvent({
  type: 'referral.erasure-acknowledged.v1',
  producer: 'referrals',
  payload: ReferralErasureAcknowledgedV1,
  description:
    'An institution that received an erased person confirmed it erased them; says whether all have.',
});
