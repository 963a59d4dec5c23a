import { IsBoolean, IsInt, IsOptional, Min } from 'class-validator';
import { defineEvent } from '../event-definition';
import { ParticipantDimensions } from './participant-dimensions';

export class EnrolmentCreatedV1 extends ParticipantDimensions {
  /** True when put on the waiting list, false when the enrolment holds a place. */
  @IsBoolean() readonly waiting: boolean;
  /** Place on the waiting list, from 1, when waiting. */
  @IsOptional() @IsInt() @Min(1) readonly waitingPosition?: number;
}

export const enrolmentCreatedV1 = defineEvent({
  type: 'enrolment.created.v1',
  producer: 'training',
  payload: EnrolmentCreatedV1,
  description: 'A beneficiary was enrolled in a course, or put on its waiting list.',
});
