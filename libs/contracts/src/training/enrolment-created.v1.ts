import { IsIn, IsInt, IsOptional, Min } from 'class-validator';
import { defineEvent } from '../event-definition';
import { ParticipantDimensions } from './participant-dimensions';

export class EnrolmentCreatedV1 extends ParticipantDimensions {
  /** `enrolled` (holds a place) or `waiting` (on the waiting list). */
  @IsIn(['enrolled', 'waiting']) readonly status: string;
  /** Place on the waiting list, from 1, when waiting. */
  @IsOptional() @IsInt() @Min(1) readonly waitingPosition?: number;
}

export const enrolmentCreatedV1 = defineEvent({
  type: 'enrolment.created.v1',
  producer: 'training',
  payload: EnrolmentCreatedV1,
  description: 'A beneficiary was enrolled in a course, or put on its waiting list.',
});
