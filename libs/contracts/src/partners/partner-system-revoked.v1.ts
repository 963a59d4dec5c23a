import { IsInt, IsISO8601, IsUUID, Matches, Min } from 'class-validator';
import { defineEvent } from '../event-definition';
import { PARTNER_BUS_CODE_PATTERN } from './partner-bus';

export class PartnerSystemRevokedV1 {
  /** Partner id in the directory. */
  @IsUUID() readonly partnerId: string;
  /** Institution code, as in the `org` claim. */
  @Matches(/^[A-Z0-9-]{2,32}$/) readonly code: string;
  /** The partner's token on the bus. */
  @Matches(PARTNER_BUS_CODE_PATTERN) readonly busCode: string;
  /** The key version revoked; a later registration carries a higher one. */
  @IsInt() @Min(1) readonly keyVersion: number;
  /** When the change happened. */
  @IsISO8601() readonly occurredAt: string;
}

export const partnerSystemRevokedV1 = defineEvent({
  type: 'partner-system.revoked.v1',
  producer: 'referrals',
  payload: PartnerSystemRevokedV1,
  description:
    'A partner system was cut off the partner bus: nothing more is encrypted to it or delivered.',
});
