import { defineErrorFamily } from '@mrm/errors';

export type EnrolmentErrorCode =
  | 'ENROLMENT_NOT_FOUND'
  | 'ENROLMENT_DUPLICATE'
  | 'ENROLMENT_CATEGORY_NOT_TARGETED'
  | 'ENROLMENT_COURSE_NOT_OPEN'
  | 'ENROLMENT_ALREADY_WITHDRAWN'
  | 'ENROLMENT_CAPACITY_BELOW_ENROLLED'
  | 'ENROLMENT_NOT_SURVEYABLE'
  | 'ENROLMENT_ALREADY_SURVEYED';

export const EnrolmentError = defineErrorFamily<EnrolmentErrorCode>('training', {
  ENROLMENT_NOT_FOUND: { status: 404, title: 'Enrolment not found' },
  ENROLMENT_DUPLICATE: {
    status: 409,
    title: 'The beneficiary is already enrolled in this course',
  },
  ENROLMENT_CATEGORY_NOT_TARGETED: {
    status: 400,
    title: "The course does not target the beneficiary's category",
  },
  ENROLMENT_COURSE_NOT_OPEN: {
    status: 409,
    title: 'Enrolments change only while the course is open or running',
  },
  ENROLMENT_ALREADY_WITHDRAWN: { status: 409, title: 'The enrolment is already withdrawn' },
  ENROLMENT_CAPACITY_BELOW_ENROLLED: {
    status: 409,
    title: 'The capacity cannot go below the number of enrolled participants',
  },
  ENROLMENT_NOT_SURVEYABLE: {
    status: 409,
    title: 'The survey is answered by participants of a completed course',
  },
  ENROLMENT_ALREADY_SURVEYED: { status: 409, title: 'The survey was already answered' },
});
