import { scoreResponse } from './rss-scoring';
import { readSurveyWeightsFile } from './survey-weights-file';

// Worked by hand (test/fixtures/rss-weights-v*.json):
// v1 economic = (0.5 × 0.5 + 0.3 × 1 + 0.2 × 0) / 1.0 = 0.55; social = 0.6 × 1 + 0.4 × 0 = 0.6;
//    psychosocial = 0.5 × 1 + 0.5 × 0.5 = 0.75; composite = 0.5 × 0.55 + 0.25 × 0.6 + 0.25 × 0.75
//    = 0.6125.
// v2 economic = 0.2 × 0.5 + 0.4 × 1 + 0.4 × 0 = 0.5; composite = 0.4 × 0.5 + 0.3 × 0.6 + 0.3 × 0.75
//    = 0.605.
describe('scoreResponse', () => {
  const v1 = readSurveyWeightsFile('apps/reintegration/test/fixtures/rss-weights-v1.json');
  const v2 = readSurveyWeightsFile('apps/reintegration/test/fixtures/rss-weights-v2.json');
  const answers = {
    'economic-satisfaction': 'mid',
    employment: 'yes',
    'access-to-credit': 'no',
    'housing-access': 'high',
    'documents-access': 'no',
    'support-network': 'yes',
    'sense-of-belonging': 'mid',
  };

  it('matches the hand-checked example under weights v1', () => {
    expect(scoreResponse(v1, answers)).toEqual({
      economic: '0.5500',
      social: '0.6000',
      psychosocial: '0.7500',
      composite: '0.6125',
      answeredItems: 7,
    });
  });

  it('matches the hand-checked example under weights v2', () => {
    expect(scoreResponse(v2, answers)).toMatchObject({ economic: '0.5000', composite: '0.6050' });
  });

  it('weighs only the answered items: without access-to-credit, economic = 0.55 / 0.8', () => {
    const { 'access-to-credit': _skipped, ...rest } = answers;

    expect(scoreResponse(v1, rest).economic).toBe('0.6875');
  });

  it('withholds a dimension below its minimum of answered items, and then the composite', () => {
    const { 'sense-of-belonging': _skipped, ...rest } = answers;

    expect(scoreResponse(v1, rest)).toMatchObject({
      psychosocial: null,
      composite: null,
      economic: '0.5500',
    });
  });
});
