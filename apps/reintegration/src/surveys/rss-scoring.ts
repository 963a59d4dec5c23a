import type { SurveyWeights } from './survey-weights-file';

/** Scores as decimal strings with 4 decimals, or null when withheld (too few items answered). */
export interface RssScores {
  readonly economic: string | null;
  readonly social: string | null;
  readonly psychosocial: string | null;
  readonly composite: string | null;
  /** Items of these weights that the response answered. */
  readonly answeredItems: number;
}

const SCALE = 10_000;

// Decimal strings of at most 4 decimals as integers of ten-thousandths: no float enters a sum.
function fixed4(value: string): number {
  const [whole, fraction = ''] = value.split('.');
  return Number(whole) * SCALE + Number(fraction.padEnd(4, '0'));
}

function format4(tenThousandths: number): string {
  const whole = Math.floor(tenThousandths / SCALE);
  return `${whole}.${String(tenThousandths % SCALE).padStart(4, '0')}`;
}

// Weighted mean in ten-thousandths, rounded half up; every operand is an integer below 2^53.
function weightedMean(terms: Array<{ weight: number; value: number }>): number {
  const numerator = terms.reduce((sum, term) => sum + term.weight * term.value, 0);
  const denominator = terms.reduce((sum, term) => sum + term.weight, 0);
  return Math.floor((2 * numerator + denominator) / (2 * denominator));
}

/**
 * The IOM RSS scores of one response under one weights version: each answer maps to 0..1 through
 * its item's scale; a dimension is the weighted mean of its answered items, withheld below its
 * `minAnswered`; the composite is the weighted mean of the dimensions, withheld if one is.
 * Answers to items this version does not know are ignored.
 */
export function scoreResponse(weights: SurveyWeights, answers: Record<string, string>): RssScores {
  const dimensionScores = new Map<string, number | null>();
  let answeredItems = 0;
  for (const dimension of weights.dimensions) {
    const terms = dimension.items
      .filter((item) => answers[item.code] !== undefined)
      .map((item) => ({
        weight: fixed4(item.weight),
        value: fixed4(weights.scales[item.scale][answers[item.code]]),
      }));
    answeredItems += terms.length;
    dimensionScores.set(
      dimension.code,
      terms.length < dimension.minAnswered ? null : weightedMean(terms),
    );
  }
  const dimensions = weights.dimensions.map((dimension) => ({
    weight: fixed4(dimension.weight),
    value: dimensionScores.get(dimension.code) ?? null,
  }));
  const complete = dimensions.every((dimension) => dimension.value !== null);
  const scoreOf = (code: string) => {
    const value = dimensionScores.get(code);
    return value === null || value === undefined ? null : format4(value);
  };
  return {
    economic: scoreOf('economic'),
    social: scoreOf('social'),
    psychosocial: scoreOf('psychosocial'),
    composite: complete
      ? format4(weightedMean(dimensions as Array<{ weight: number; value: number }>))
      : null,
    answeredItems,
  };
}
