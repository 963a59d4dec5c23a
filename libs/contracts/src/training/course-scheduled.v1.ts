import { IsInt, IsISO8601, Max, Min } from 'class-validator';
import { defineEvent } from '../event-definition';
import { CourseDimensions } from './course-dimensions';

export class CourseScheduledV1 extends CourseDimensions {
  /** First day of the course (YYYY-MM-DD). */
  @IsISO8601({ strict: true }) readonly startsOn: string;
  /** Last day of the course (YYYY-MM-DD). */
  @IsISO8601({ strict: true }) readonly endsOn: string;
  /** Number of places. */
  @IsInt() @Min(1) @Max(1000) readonly capacity: number;
}

export const courseScheduledV1 = defineEvent({
  type: 'course.scheduled.v1',
  producer: 'training',
  payload: CourseScheduledV1,
  description: 'A course was opened for enrolment.',
});
