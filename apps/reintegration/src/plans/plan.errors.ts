import { defineErrorFamily } from '@mrm/errors';

export type PlanErrorCode = 'PLAN_NOT_FOUND' | 'PLAN_ALREADY_APPROVED';

export const PlanError = defineErrorFamily<PlanErrorCode>('reintegration', {
  PLAN_NOT_FOUND: { status: 404, title: 'Plan not found' },
  PLAN_ALREADY_APPROVED: { status: 409, title: 'This revision of the plan is already approved' },
});
