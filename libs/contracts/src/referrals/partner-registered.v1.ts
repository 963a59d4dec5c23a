import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsISO8601,
  IsUUID,
  Matches,
  Min,
} from 'class-validator';
import { defineEvent } from '../event-definition';
import { REGION_CODES } from '../reference/regions';
import { PARTNER_KINDS, SERVICE_TYPES } from './referral-vocabulary';

export class PartnerRegisteredV1 {
  /** Partner id in the directory. */
  @IsUUID() readonly partnerId: string;
  /** Institution code, as in the `org` claim. */
  @Matches(/^[A-Z0-9-]{2,32}$/) readonly code: string;
  /** `ministry`, `agency`, `ngo`, `international-organisation` or `private`. */
  @IsIn(PARTNER_KINDS) readonly kind: string;
  /** Whether the partner takes referrals. */
  @IsBoolean() readonly active: boolean;
  /** Types of the partner's active services. */
  @IsArray()
  @ArrayMaxSize(SERVICE_TYPES.length)
  @IsIn(SERVICE_TYPES, { each: true })
  readonly serviceTypes: string[];
  /** Region codes covered by the partner's active services. */
  @IsArray()
  @ArrayMaxSize(REGION_CODES.length)
  @IsIn(REGION_CODES, { each: true })
  readonly regionCodes: string[];
  /** Directory version of the partner after the change. */
  @IsInt() @Min(1) readonly version: number;
  /** When the change happened. */
  @IsISO8601() readonly occurredAt: string;
}

export const partnerRegisteredV1 = defineEvent({
  type: 'partner.registered.v1',
  producer: 'referrals',
  payload: PartnerRegisteredV1,
  description: 'A partner institution was added to the referral directory.',
});
