import { ArrayMaxSize, IsArray, IsBoolean, IsOptional, IsString, IsUUID } from 'class-validator';
import { defineEvent } from '../event-definition';
import { ReferralFactsV1 } from './referral-facts';

export class ReferralRequestedV1 extends ReferralFactsV1 {
  /** The consent that allows the data to travel; absent when a coordinator overrode the check. */
  @IsOptional() @IsUUID() readonly consentId?: string;
  /** True when a coordinator sent the referral without a valid consent (audited). */
  @IsBoolean() readonly consentOverridden: boolean;
  /** Data categories of the person the receiving institution may read while the referral is open. */
  @IsArray() @ArrayMaxSize(32) @IsString({ each: true }) readonly dataCategories: string[];
  /** The referral this one continues, when the previous receiver redirected the person. */
  @IsOptional() @IsUUID() readonly redirectedFromReferralId?: string;
}

export const referralRequestedV1 = defineEvent({
  type: 'referral.requested.v1',
  producer: 'referrals',
  payload: ReferralRequestedV1,
  description: 'A referral was sent to a receiving institution (FHIR Task `requested`).',
});
