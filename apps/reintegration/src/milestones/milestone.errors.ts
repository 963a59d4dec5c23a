import { defineErrorFamily } from '@mrm/errors';

export type MilestoneErrorCode =
  | 'MILESTONE_NOT_IN_CHAIN'
  | 'MILESTONE_ALREADY_REACHED'
  | 'MILESTONE_OUT_OF_ORDER'
  | 'MILESTONE_AMOUNT_REQUIRED'
  | 'MILESTONE_AMOUNT_BELOW_MINIMUM';

export const MilestoneError = defineErrorFamily<MilestoneErrorCode>('reintegration', {
  MILESTONE_NOT_IN_CHAIN: { status: 422, title: "The milestone is not in the project's chain" },
  MILESTONE_ALREADY_REACHED: { status: 409, title: 'The milestone has already been reached' },
  MILESTONE_OUT_OF_ORDER: {
    status: 409,
    title: 'An earlier milestone has not been reached; an override needs a reason',
  },
  MILESTONE_AMOUNT_REQUIRED: { status: 422, title: 'This milestone needs the amount shown' },
  MILESTONE_AMOUNT_BELOW_MINIMUM: {
    status: 422,
    title: "The amount is below the milestone's legal minimum",
  },
});
