import { IsISO8601, IsString, MaxLength } from 'class-validator';
import { defineEvent } from '../event-definition';
import { CourseDimensions } from './course-dimensions';

export class CourseCancelledV1 extends CourseDimensions {
  /** Why the course was cancelled, as the organiser wrote it (no personal data expected). */
  @IsString() @MaxLength(500) readonly reason: string;
  /** When the course was cancelled. */
  @IsISO8601() readonly cancelledAt: string;
}

export const courseCancelledV1 = defineEvent({
  type: 'course.cancelled.v1',
  producer: 'training',
  payload: CourseCancelledV1,
  description: 'A course was cancelled before it completed.',
});
