import { defineErrorFamily } from '@mrm/errors';

export type PartnerErrorCode =
  | 'PARTNER_NOT_FOUND'
  | 'PARTNER_CODE_TAKEN'
  | 'SERVICE_NOT_FOUND'
  | 'SERVICE_AGE_RANGE_INVALID'
  | 'SERVICE_INACTIVE'
  | 'HSDS_DOCUMENT_INVALID';

export const PartnerError = defineErrorFamily<PartnerErrorCode>('referrals', {
  PARTNER_NOT_FOUND: { status: 404, title: 'Partner not found' },
  PARTNER_CODE_TAKEN: { status: 409, title: 'The partner code is already taken' },
  SERVICE_NOT_FOUND: { status: 404, title: 'Service not found' },
  SERVICE_AGE_RANGE_INVALID: { status: 400, title: 'minAge must not exceed maxAge' },
  SERVICE_INACTIVE: { status: 422, title: 'The service or its partner does not take referrals' },
  HSDS_DOCUMENT_INVALID: { status: 400, title: 'The HSDS document is not valid' },
});
