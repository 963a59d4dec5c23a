import { IsIn, IsInt, IsOptional, IsString, Matches, MaxLength, Min } from 'class-validator';
import { defineEvent } from '../event-definition';
import { ENROLMENT_OUTCOMES } from './course-kinds';
import { ParticipantDimensions } from './participant-dimensions';

export class EnrolmentCompletedV1 extends ParticipantDimensions {
  /** `completed` when the course's rule was met, else `not-completed`. */
  @IsIn(ENROLMENT_OUTCOMES) readonly outcome: string;
  /** Why not completed: `attendance-below-minimum` or `assessment-not-passed`. */
  @IsOptional() @IsString() @MaxLength(64) readonly reason?: string;
  /** Hours of the sessions attended, an exact decimal as a string, e.g. `12.50`. */
  @Matches(/^\d{1,4}\.\d{2}$/) readonly hoursAttended: string;
  /** Sessions attended. */
  @IsInt() @Min(0) readonly sessionsAttended: number;
  /** Sessions held (not cancelled). */
  @IsInt() @Min(0) readonly sessionsHeld: number;
}

export const enrolmentCompletedV1 = defineEvent({
  type: 'enrolment.completed.v1',
  producer: 'training',
  payload: EnrolmentCompletedV1,
  description: "An enrolment's outcome, computed when its course completed.",
});
