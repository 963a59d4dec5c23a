import { IsISO8601 } from 'class-validator';
import { defineEvent } from '../event-definition';
import { ParticipantDimensions } from './participant-dimensions';

export class EnrolmentPromotedV1 extends ParticipantDimensions {
  /** When the waiting enrolment took the freed place. */
  @IsISO8601() readonly promotedAt: string;
}

export const enrolmentPromotedV1 = defineEvent({
  type: 'enrolment.promoted.v1',
  producer: 'training',
  payload: EnrolmentPromotedV1,
  description: 'The first enrolment of the waiting list took a place that freed.',
});
