import { defineErrorFamily } from '@mrm/errors';

export type RosterErrorCode = 'ROSTER_BENEFICIARY_NOT_FOUND';

export const RosterError = defineErrorFamily<RosterErrorCode>('training', {
  ROSTER_BENEFICIARY_NOT_FOUND: { status: 404, title: 'Beneficiary not in the training roster' },
});
