import { defineErrorFamily } from '@mrm/errors';

export type RosterErrorCode = 'ROSTER_BENEFICIARY_NOT_FOUND';

export const RosterError = defineErrorFamily<RosterErrorCode>('reintegration', {
  ROSTER_BENEFICIARY_NOT_FOUND: {
    status: 404,
    title: 'Beneficiary not in the reintegration roster',
  },
});
