import {
  IsBoolean,
  IsIn,
  IsInt,
  IsISO8601,
  IsOptional,
  IsUUID,
  Matches,
  Min,
} from 'class-validator';
import { REFERRAL_PRIORITIES, REFERRAL_STATUSES, SERVICE_TYPES } from './referral-vocabulary';

const ORG_CODE = /^[A-Z0-9-]{2,32}$/;

/**
 * What every referral event carries: who referred whom to which service, where the referral
 * stands, and its closed-loop measures so far. No names, contacts, notes or documents.
 */
export class ReferralFactsV1 {
  /** Referral id. */
  @IsUUID() readonly referralId: string;
  /** Pseudonymous beneficiary id. */
  @IsUUID() readonly beneficiaryId: string;
  /** Institution code of the referring institution. */
  @Matches(ORG_CODE) readonly referringOrg: string;
  /** Institution code of the receiving institution. */
  @Matches(ORG_CODE) readonly receivingOrg: string;
  /** Id of the receiving service in the partner directory. */
  @IsUUID() readonly serviceId: string;
  /** Type of the receiving service, from the service catalogue. */
  @IsIn(SERVICE_TYPES) readonly serviceType: string;
  /** `emergency`, `urgent` or `normal`. */
  @IsIn(REFERRAL_PRIORITIES) readonly priority: string;
  /** Status after the change (FHIR Task vocabulary). */
  @IsIn(REFERRAL_STATUSES) readonly status: string;
  /** Referral version after the change; consumers keep the highest. */
  @IsInt() @Min(1) readonly version: number;
  /** When the change happened. */
  @IsISO8601() readonly occurredAt: string;
  /** When the referral was sent to the receiving institution, if it was. */
  @IsOptional() @IsISO8601() readonly requestedAt?: string;
  /** Seconds from request to acknowledgement, once acknowledged. */
  @IsOptional() @IsInt() @Min(0) readonly secondsToAcknowledge?: number;
  /** Whether the acknowledgement came before its deadline, once acknowledged. */
  @IsOptional() @IsBoolean() readonly acknowledgedWithinDeadline?: boolean;
  /** Seconds from request to the answer (accepted, rejected or redirected), once answered. */
  @IsOptional() @IsInt() @Min(0) readonly secondsToAnswer?: number;
  /** Whether the answer came before its deadline, once answered. */
  @IsOptional() @IsBoolean() readonly answeredWithinDeadline?: boolean;
  /** True once the receiving institution reported an outcome (completed or failed). */
  @IsBoolean() readonly outcomeReported: boolean;
}
