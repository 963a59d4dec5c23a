import { IsInt, IsISO8601, IsString, IsUUID, Matches, MaxLength, Min } from 'class-validator';
import { defineEvent } from '../event-definition';

export class VisitScheduledV1 {
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
  /** Date by which the visit is due (YYYY-MM-DD). */
  @IsISO8601() readonly dueOn: string;
  /** Version of the visit-schedule configuration used. */
  @IsString() @MaxLength(32) readonly scheduleVersion: string;
}

export const visitScheduledV1 = defineEvent({
  type: 'visit.scheduled.v1',
  producer: 'reintegration',
  payload: VisitScheduledV1,
  description: 'A follow-up visit of an operating project was scheduled.',
});
