import { IsInt, IsISO8601, IsString, IsUUID, MaxLength, Min } from 'class-validator';
import { defineEvent } from '../event-definition';

export class BeneficiaryClosedV1 {
  /** Pseudonymous beneficiary id. */
  @IsUUID() readonly beneficiaryId: string;
  /** Closure reason code. */
  @IsString() @MaxLength(64) readonly reason: string;
  /** When the case was closed. */
  @IsISO8601() readonly closedAt: string;
  /** Aggregate version after the closure. */
  @IsInt() @Min(1) readonly version: number;
}

export const beneficiaryClosedV1 = defineEvent({
  type: 'beneficiary.closed.v1',
  producer: 'registration',
  payload: BeneficiaryClosedV1,
  description: "A beneficiary's case was closed.",
});
