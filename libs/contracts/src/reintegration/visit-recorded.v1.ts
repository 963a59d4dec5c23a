import { IsBoolean, IsIn, IsInt, IsISO8601, IsUUID, Matches, Min } from 'class-validator';
import { defineEvent } from '../event-definition';
import { MAD_AMOUNT_PATTERN } from '../reference/money';

export class VisitRecordedV1 {
  /** Visit id (UUID). */
  @IsUUID() readonly visitId: string;
  /** Project id (UUID). */
  @IsUUID() readonly projectId: string;
  /** Institution code of the owning institution. */
  @Matches(/^[A-Z0-9-]{2,32}$/) readonly ownerOrg: string;
  /** Position of the visit in the project's follow-up, from 1. */
  @IsInt() @Min(1) readonly sequence: number;
  /** Months after the project started operating. */
  @IsInt() @Min(1) readonly monthsAfter: number;
  /** Date of the visit (YYYY-MM-DD). */
  @IsISO8601() readonly visitedOn: string;
  /** True when recorded after its due date. */
  @IsBoolean() readonly late: boolean;
  /** Whether the activity still runs. */
  @IsBoolean() readonly activityRunning: boolean;
  /** Monthly income of the activity in MAD, a decimal string such as `3200.00`. */
  @Matches(MAD_AMOUNT_PATTERN) readonly monthlyIncome: string;
  /** Jobs the activity created. */
  @IsInt() @Min(0) readonly jobsCreated: number;
  /** How many of those jobs are held by women. */
  @IsInt() @Min(0) readonly jobsHeldByWomen: number;
  /** `ongoing`, `completed` or `dropout`. */
  @IsIn(['ongoing', 'completed', 'dropout']) readonly supportStatus: string;
}

export const visitRecordedV1 = defineEvent({
  type: 'visit.recorded.v1',
  producer: 'reintegration',
  payload: VisitRecordedV1,
  description: 'A follow-up visit was recorded (activity, income, jobs, support status).',
});
