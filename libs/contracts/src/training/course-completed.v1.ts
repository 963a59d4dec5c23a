import { IsInt, IsISO8601, Min } from 'class-validator';
import { defineEvent } from '../event-definition';
import { CourseDimensions } from './course-dimensions';

export class CourseCompletedV1 extends CourseDimensions {
  /** When the course was marked completed. */
  @IsISO8601() readonly completedAt: string;
  /** Sessions held (not cancelled). */
  @IsInt() @Min(0) readonly sessionsHeld: number;
  /** Enrolments that held a place when the course completed. */
  @IsInt() @Min(0) readonly enrolled: number;
  /** Of those, enrolments that met the completion rule. */
  @IsInt() @Min(0) readonly completed: number;
}

export const courseCompletedV1 = defineEvent({
  type: 'course.completed.v1',
  producer: 'training',
  payload: CourseCompletedV1,
  description: "A course ended; each enrolment's outcome follows as enrolment.completed.",
});
