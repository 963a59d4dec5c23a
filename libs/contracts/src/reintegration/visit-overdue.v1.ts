import { IsInt, IsISO8601, IsUUID, Matches, Min } from 'class-validator';
import { defineEvent } from '../event-definition';

export class VisitOverdueV1 {
  /** Visit id (UUID). */
  @IsUUID() readonly visitId: string;
  /** Project id (UUID). */
  @IsUUID() readonly projectId: string;
  /** Institution code of the owning institution. */
  @Matches(/^[A-Z0-9-]{2,32}$/) readonly ownerOrg: string;
  /** Position of the visit in the project's follow-up, from 1. */
  @IsInt() @Min(1) readonly sequence: number;
  /** Date by which the visit was due (YYYY-MM-DD). */
  @IsISO8601() readonly dueOn: string;
  /** When the visit was found not recorded. */
  @IsISO8601() readonly overdueAt: string;
}

export const visitOverdueV1 = defineEvent({
  type: 'visit.overdue.v1',
  producer: 'reintegration',
  payload: VisitOverdueV1,
  description: 'A follow-up visit was not recorded by its due date.',
});
