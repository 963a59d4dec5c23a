import { defineErrorFamily } from '@mrm/errors';

export type IndicatorErrorCode =
  'INDICATOR_NOT_FOUND' | 'INDICATOR_GROUP_BY_INVALID' | 'INDICATOR_PERIOD_INVALID';

/** Errors of the indicator queries. */
export const IndicatorError = defineErrorFamily<IndicatorErrorCode>('reporting', {
  INDICATOR_NOT_FOUND: { status: 404, title: 'No such indicator in the catalogue' },
  INDICATOR_GROUP_BY_INVALID: {
    status: 400,
    title: 'The indicator cannot be disaggregated that way',
  },
  INDICATOR_PERIOD_INVALID: { status: 400, title: 'The period ends before it starts' },
});
