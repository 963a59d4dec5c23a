import { defineErrorFamily } from '@mrm/errors';

export type BeneficiaryErrorCode =
  | 'BENEFICIARY_NOT_FOUND'
  | 'BENEFICIARY_INVALID'
  | 'BENEFICIARY_ERASED'
  | 'BENEFICIARY_MERGED'
  | 'BENEFICIARY_CLOSED'
  | 'INVALID_STATUS_TRANSITION'
  | 'PROBABLE_DUPLICATE'
  | 'IDENTITY_SEARCH_MOVED';

export const BeneficiaryError = defineErrorFamily<BeneficiaryErrorCode>('registration', {
  BENEFICIARY_NOT_FOUND: { status: 404, title: 'Beneficiary not found' },
  // Rules that span fields (birth date vs year, future dates): reported like validation failures.
  BENEFICIARY_INVALID: { status: 400, title: 'The request is not valid' },
  BENEFICIARY_ERASED: { status: 409, title: 'The beneficiary was erased and can no longer change' },
  BENEFICIARY_MERGED: { status: 409, title: 'The beneficiary was merged into another record' },
  BENEFICIARY_CLOSED: { status: 409, title: 'The case is closed; reopen it before changing it' },
  INVALID_STATUS_TRANSITION: { status: 409, title: 'The case cannot move to that status' },
  PROBABLE_DUPLICATE: {
    status: 409,
    title: 'The beneficiary is probably already registered',
  },
  // Names, phones and document numbers in a URL end up in proxies' and browsers' logs.
  IDENTITY_SEARCH_MOVED: {
    status: 410,
    title: 'Identity filters are no longer taken in the query string',
  },
});
