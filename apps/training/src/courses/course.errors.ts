import { defineErrorFamily } from '@mrm/errors';

export type CourseErrorCode =
  | 'COURSE_NOT_FOUND'
  | 'COURSE_FORBIDDEN'
  | 'COURSE_PERIOD_INVALID'
  | 'COURSE_ORG_MISMATCH'
  | 'COURSE_STATUS_CONFLICT'
  | 'COURSE_NOT_EDITABLE';

/** Errors of the courses feature. */
export const CourseError = defineErrorFamily<CourseErrorCode>('training', {
  COURSE_NOT_FOUND: { status: 404, title: 'Course not found' },
  COURSE_FORBIDDEN: { status: 403, title: 'Only the trainers named on the course manage it' },
  COURSE_PERIOD_INVALID: { status: 400, title: 'The course ends before it starts' },
  COURSE_ORG_MISMATCH: {
    status: 403,
    title: 'A course can only be organised by the caller’s own institution',
  },
  COURSE_STATUS_CONFLICT: {
    status: 409,
    title: 'The course is not in a status that allows this change',
  },
  COURSE_NOT_EDITABLE: { status: 409, title: 'A completed or cancelled course cannot be edited' },
});
