import type { CourseDimensions } from '@mrm/contracts';

export const COURSE_STATUSES = ['draft', 'open', 'running', 'completed', 'cancelled'] as const;
export type CourseStatus = (typeof COURSE_STATUSES)[number];

/** A course as other features of the service see it (they never import the entity). */
export interface CourseView {
  readonly id: string;
  readonly title: string;
  readonly kind: string;
  readonly programmeCode: string;
  readonly organisingOrg: string;
  readonly trainerIds: readonly string[];
  readonly languages: readonly string[];
  readonly regionCode: string;
  readonly venue: string | null;
  readonly capacity: number;
  readonly targetCategories: readonly string[];
  readonly startsOn: string;
  readonly endsOn: string;
  readonly minAttendancePercent: number;
  readonly assessmentRequired: boolean;
  readonly status: CourseStatus;
  readonly cancellationReason: string | null;
  readonly completedAt: Date | null;
  readonly version: number;
  readonly createdAt: Date;
  readonly updatedAt: Date;
}

/** The course dimensions that every training event carries. */
export function courseDimensionsOf(course: CourseView): CourseDimensions {
  return {
    courseId: course.id,
    courseKind: course.kind,
    programmeCode: course.programmeCode,
    organisingOrg: course.organisingOrg,
    regionCode: course.regionCode,
  };
}
