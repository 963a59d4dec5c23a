/** RSS waves (permanent names: database and wire). */
export const SURVEY_WAVES = ['baseline', 'endline', 'follow-up'] as const;
export type SurveyWave = (typeof SURVEY_WAVES)[number];
