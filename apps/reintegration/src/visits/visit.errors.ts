import { defineErrorFamily } from '@mrm/errors';

export type VisitErrorCode =
  | 'VISIT_NOT_FOUND'
  | 'VISIT_ALREADY_RECORDED'
  | 'VISIT_JOBS_INCONSISTENT'
  | 'VISIT_OUTCOME_NOT_LAST'
  | 'VISIT_OUTCOME_REQUIRED';

export const VisitError = defineErrorFamily<VisitErrorCode>('reintegration', {
  VISIT_NOT_FOUND: { status: 404, title: 'Visit not found' },
  VISIT_ALREADY_RECORDED: { status: 409, title: 'The visit has already been recorded' },
  VISIT_JOBS_INCONSISTENT: {
    status: 422,
    title: 'More jobs held by women than jobs created',
  },
  VISIT_OUTCOME_NOT_LAST: {
    status: 422,
    title: "An outcome is given with the project's last visit only",
  },
  VISIT_OUTCOME_REQUIRED: {
    status: 422,
    title: "The project's last visit needs the project's outcome",
  },
});
