import { defineErrorFamily } from '@mrm/errors';

export type CertificateErrorCode = 'CERTIFICATE_NOT_AVAILABLE';

export const CertificateError = defineErrorFamily<CertificateErrorCode>('training', {
  CERTIFICATE_NOT_AVAILABLE: {
    status: 409,
    title: 'A certificate is issued for a completed enrolment only',
  },
});
