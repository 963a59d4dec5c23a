import { IsIn, IsISO8601, IsString, MaxLength } from 'class-validator';
import { defineEvent } from '../event-definition';
import { ParticipantDimensions } from './participant-dimensions';

export class EnrolmentWithdrawnV1 extends ParticipantDimensions {
  /** What the enrolment was before: `enrolled` (a place freed) or `waiting`. */
  @IsIn(['enrolled', 'waiting']) readonly previousStatus: string;
  /** Why, as a short code or phrase (no personal data expected). */
  @IsString() @MaxLength(500) readonly reason: string;
  /** When the enrolment was withdrawn. */
  @IsISO8601() readonly withdrawnAt: string;
}

export const enrolmentWithdrawnV1 = defineEvent({
  type: 'enrolment.withdrawn.v1',
  producer: 'training',
  payload: EnrolmentWithdrawnV1,
  description: 'An enrolment (or a place on the waiting list) was withdrawn.',
});
