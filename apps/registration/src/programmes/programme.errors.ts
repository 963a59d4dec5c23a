import { defineErrorFamily } from '@mrm/errors';

export type ProgrammeErrorCode =
  | 'PROGRAMME_NOT_FOUND'
  | 'PROGRAMME_CODE_TAKEN'
  | 'PROGRAMME_PERIOD_INVALID'
  | 'ENROLMENT_NOT_FOUND'
  | 'ENROLMENT_ALREADY_OPEN'
  | 'ENROLMENT_ALREADY_EXITED'
  | 'ENROLMENT_OUTSIDE_PROGRAMME_PERIOD'
  | 'ENROLMENT_CATEGORY_NOT_TARGETED'
  | 'ENROLMENT_EXIT_BEFORE_ENTRY';

/** Errors of the programmes feature (programmes and enrolments). */
export const ProgrammeError = defineErrorFamily<ProgrammeErrorCode>('registration', {
  PROGRAMME_NOT_FOUND: { status: 404, title: 'Programme not found' },
  PROGRAMME_CODE_TAKEN: { status: 409, title: 'A programme with this code already exists' },
  PROGRAMME_PERIOD_INVALID: { status: 400, title: 'The programme ends before it starts' },
  ENROLMENT_NOT_FOUND: { status: 404, title: 'Enrolment not found' },
  ENROLMENT_ALREADY_OPEN: {
    status: 409,
    title: 'The beneficiary is already enrolled in this programme',
  },
  ENROLMENT_ALREADY_EXITED: { status: 409, title: 'The enrolment has already ended' },
  ENROLMENT_OUTSIDE_PROGRAMME_PERIOD: {
    status: 400,
    title: 'The entry date is outside the programme period',
  },
  ENROLMENT_CATEGORY_NOT_TARGETED: {
    status: 400,
    title: "The programme does not target the beneficiary's category",
  },
  ENROLMENT_EXIT_BEFORE_ENTRY: { status: 400, title: 'The exit date is before the entry date' },
});
