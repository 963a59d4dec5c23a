import { defineErrorFamily } from '@mrm/errors';

export type BeneficiaryErrorCode = 'BENEFICIARY_NOT_FOUND' | 'BIRTH_DATE_IN_FUTURE';

export const BeneficiaryError = defineErrorFamily<BeneficiaryErrorCode>('registration', {
  BENEFICIARY_NOT_FOUND: { status: 404, title: 'Beneficiary not found' },
  BIRTH_DATE_IN_FUTURE: { status: 400, title: 'The birth date is in the future' },
});
