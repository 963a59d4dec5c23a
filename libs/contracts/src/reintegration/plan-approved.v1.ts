import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsInt,
  IsISO8601,
  IsString,
  IsUUID,
  Matches,
  Min,
} from 'class-validator';
import { defineEvent } from '../event-definition';

export class PlanApprovedV1 {
  /** Plan id (UUID). */
  @IsUUID() readonly planId: string;
  /** Pseudonymous beneficiary id (UUID). */
  @IsUUID() readonly beneficiaryId: string;
  /** Institution code of the owning institution. */
  @Matches(/^[A-Z0-9-]{2,32}$/) readonly ownerOrg: string;
  /** Revision of the plan that was approved, from 1. */
  @IsInt() @Min(1) readonly revision: number;
  /** Codes of the planned assistance items, e.g. `individual-grant`. */
  @IsArray() @ArrayMaxSize(50) @IsString({ each: true }) readonly assistance: string[];
  /** Date by which the plan was due (YYYY-MM-DD). */
  @IsISO8601() readonly dueOn: string;
  /** True when approved by its due date. */
  @IsBoolean() readonly onTime: boolean;
  /** When the plan was approved. */
  @IsISO8601() readonly approvedAt: string;
}

export const planApprovedV1 = defineEvent({
  type: 'plan.approved.v1',
  producer: 'reintegration',
  payload: PlanApprovedV1,
  description: 'A reintegration plan (or a revision of it) was approved by a coordinator.',
});
