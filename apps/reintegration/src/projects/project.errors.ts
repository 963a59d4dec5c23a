import { defineErrorFamily } from '@mrm/errors';

export type ProjectErrorCode =
  | 'PROJECT_NOT_FOUND'
  | 'PROJECT_MEMBERS_INVALID'
  | 'PROJECT_CLOSED'
  | 'PROJECT_NOT_OPERATING'
  | 'TRANCHE_NOT_FOUND'
  | 'TRANCHE_ALREADY_PAID'
  | 'TRANCHES_EXCEED_BUDGET';

export const ProjectError = defineErrorFamily<ProjectErrorCode>('reintegration', {
  PROJECT_NOT_FOUND: { status: 404, title: 'Project not found' },
  PROJECT_MEMBERS_INVALID: { status: 422, title: 'The members do not suit the project' },
  PROJECT_CLOSED: { status: 409, title: 'The project is closed' },
  PROJECT_NOT_OPERATING: { status: 409, title: 'The project is not operating' },
  TRANCHE_NOT_FOUND: { status: 404, title: 'Tranche not found' },
  TRANCHE_ALREADY_PAID: { status: 409, title: 'The tranche has already been paid' },
  TRANCHES_EXCEED_BUDGET: {
    status: 422,
    title: 'The planned tranches would exceed the cash budget',
  },
});
