import { IsInt, IsISO8601, IsString, IsUUID, Matches, MaxLength, Min } from 'class-validator';
import { defineEvent } from '../event-definition';
import { PARTNER_BUS_CODE_PATTERN } from './partner-bus';

export class PartnerSystemRegisteredV1 {
  /** Partner id in the directory. */
  @IsUUID() readonly partnerId: string;
  /** Institution code, as in the `org` claim. */
  @Matches(/^[A-Z0-9-]{2,32}$/) readonly code: string;
  /** The partner's token on the bus: `partners.<busCode>.…`. */
  @Matches(PARTNER_BUS_CODE_PATTERN) readonly busCode: string;
  /** The partner's public encryption key (RSA, JWK as JSON text): registration encrypts to it. */
  @IsString() @MaxLength(8192) readonly publicJwk: string;
  /** The partner's NATS public nkey (`U…`). */
  @Matches(/^U[A-Z2-7]{55}$/) readonly nkey: string;
  /** Bumped by every registration and rotation; consumers keep the highest. */
  @IsInt() @Min(1) readonly keyVersion: number;
  /** When the change happened. */
  @IsISO8601() readonly occurredAt: string;
}

export const partnerSystemRegisteredV1 = defineEvent({
  type: 'partner-system.registered.v1',
  producer: 'referrals',
  payload: PartnerSystemRegisteredV1,
  description:
    'A partner institution connected its own system to the partner bus, or rotated its keys.',
});
