import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readSurveyWeightsFile } from './survey-weights-file';

// The parsed JSON, as a test spoils it.
type Loose = {
  scales: Record<string, Record<string, unknown>>;
  dimensions: Array<{ weight: unknown; items: Array<{ scale: string }> }>;
};

describe('readSurveyWeightsFile', () => {
  const shipped = 'apps/reintegration/config/survey-weights.json';

  it('reads the shipped weights: three dimensions, every answer in 0..1', () => {
    const sut = readSurveyWeightsFile(shipped);

    expect(sut.dimensions.map((dimension) => dimension.code)).toEqual([
      'economic',
      'social',
      'psychosocial',
    ]);
  });

  it.each([
    ['an answer worth more than 1', (w: Loose) => (w.scales['yes-no'].yes = '1.5')],
    ['an item on an unknown scale', (w: Loose) => (w.dimensions[0].items[0].scale = 'stars')],
    ['a missing dimension', (w: Loose) => w.dimensions.pop()],
    ['a weight as a JSON number', (w: Loose) => (w.dimensions[1].weight = 0.5)],
  ])('refuses %s', (_what, spoil) => {
    const weights = readSurveyWeightsFile(shipped) as unknown as Loose;
    spoil(weights);
    const file = join(mkdtempSync(join(tmpdir(), 'rss-')), 'weights.json');
    writeFileSync(file, JSON.stringify(weights));

    expect(() => readSurveyWeightsFile(file)).toThrow();
  });
});
