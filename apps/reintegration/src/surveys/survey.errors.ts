import { defineErrorFamily } from '@mrm/errors';

export type SurveyErrorCode =
  'SURVEY_NOT_FOUND' | 'SURVEY_WAVE_ALREADY_RECORDED' | 'SURVEY_ANSWER_UNKNOWN';

export const SurveyError = defineErrorFamily<SurveyErrorCode>('reintegration', {
  SURVEY_NOT_FOUND: { status: 404, title: 'Survey response not found' },
  SURVEY_WAVE_ALREADY_RECORDED: {
    status: 409,
    title: 'This wave has already been recorded for the beneficiary',
  },
  SURVEY_ANSWER_UNKNOWN: {
    status: 422,
    title: 'An item or answer is not in the current RSS weights',
  },
});
