import { defineErrorFamily } from '@mrm/errors';

export type RosterErrorCode = 'ROSTER_BENEFICIARY_NOT_FOUND';

export const RosterError = defineErrorFamily<RosterErrorCode>('referrals', {
  ROSTER_BENEFICIARY_NOT_FOUND: { status: 404, title: 'Beneficiary not in the referrals roster' },
});
