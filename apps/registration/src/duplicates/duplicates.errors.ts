import { defineErrorFamily } from '@mrm/errors';

export type DuplicateErrorCode =
  'DUPLICATE_CANDIDATE_NOT_FOUND' | 'DUPLICATE_ALREADY_RESOLVED' | 'DUPLICATE_SURVIVOR_NOT_IN_PAIR';

export const DuplicateError = defineErrorFamily<DuplicateErrorCode>('registration', {
  DUPLICATE_CANDIDATE_NOT_FOUND: { status: 404, title: 'Duplicate candidate not found' },
  DUPLICATE_ALREADY_RESOLVED: {
    status: 409,
    title: 'The duplicate candidate was already merged or dismissed',
  },
  // A field rule, reported like a validation failure.
  DUPLICATE_SURVIVOR_NOT_IN_PAIR: { status: 400, title: 'The request is not valid' },
});
