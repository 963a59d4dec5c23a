import { defineErrorFamily } from '@mrm/errors';

export type ConsentErrorCode =
  'CONSENT_NOT_FOUND' | 'CONSENT_ALREADY_WITHDRAWN' | 'CONSENT_EXPIRY_NOT_IN_FUTURE';

export const ConsentError = defineErrorFamily<ConsentErrorCode>('registration', {
  CONSENT_NOT_FOUND: { status: 404, title: 'Consent not found' },
  CONSENT_ALREADY_WITHDRAWN: { status: 409, title: 'The consent has already been withdrawn' },
  CONSENT_EXPIRY_NOT_IN_FUTURE: { status: 400, title: 'The consent would already be expired' },
});
