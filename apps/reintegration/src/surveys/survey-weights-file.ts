import 'reflect-metadata';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

/** The three RSS dimensions; a weights file has exactly these. */
export const RSS_DIMENSIONS = ['economic', 'social', 'psychosocial'] as const;

export interface SurveyItemWeight {
  readonly code: string;
  /** Answer scale name in `scales`. */
  readonly scale: string;
  /** Decimal string, at most 4 decimals. */
  readonly weight: string;
}

export interface SurveyDimensionWeights {
  readonly code: (typeof RSS_DIMENSIONS)[number];
  readonly weight: string;
  /** Fewer answered items than this and the dimension's score is withheld. */
  readonly minAnswered: number;
  readonly items: SurveyItemWeight[];
}

/** One version of the RSS weights: answer scales (answer → 0..1) and weighted items. */
export interface SurveyWeights {
  readonly version: string;
  readonly scales: Record<string, Record<string, string>>;
  readonly dimensions: SurveyDimensionWeights[];
}

const DECIMAL4 = /^(0|[1-9][0-9]{0,3})(\.[0-9]{1,4})?$/;
const UNIT = /^(0(\.[0-9]{1,4})?|1(\.0{1,4})?)$/;
const CODE = /^[a-z0-9][a-z0-9-]{0,63}$/;
// Strings only: a JSON number would already have been through a float.
const matches = (pattern: RegExp, value: unknown) =>
  typeof value === 'string' && pattern.test(value);

/** Reads and checks a weights file; a bad file stops the boot, it never half-loads. */
export function readSurveyWeightsFile(path: string): SurveyWeights {
  const weights = JSON.parse(readFileSync(resolve(path), 'utf8')) as SurveyWeights;
  const problems = weightProblems(weights);
  if (problems.length > 0) throw new Error(`${path}: ${problems.join('; ')}`);
  return weights;
}

function weightProblems(weights: SurveyWeights): string[] {
  const problems: string[] = [];
  if (!/^[A-Za-z0-9._-]{1,32}$/.test(String(weights.version))) problems.push('bad version');
  for (const [name, scale] of Object.entries(weights.scales ?? {})) {
    if (!Object.values(scale).every((value) => matches(UNIT, value))) {
      problems.push(`scale ${name}: every answer maps to a decimal in 0..1`);
    }
  }
  const codes = (weights.dimensions ?? []).map((dimension) => dimension.code);
  if (codes.slice().sort().join() !== [...RSS_DIMENSIONS].sort().join()) {
    problems.push(`dimensions must be ${RSS_DIMENSIONS.join(', ')}`);
  }
  const items = new Set<string>();
  for (const dimension of weights.dimensions ?? []) {
    if (!matches(DECIMAL4, dimension.weight)) problems.push(`${dimension.code}: bad weight`);
    if (!Number.isInteger(dimension.minAnswered) || dimension.minAnswered < 1) {
      problems.push(`${dimension.code}: minAnswered must be a positive integer`);
    }
    for (const item of dimension.items ?? []) {
      if (!CODE.test(item.code) || items.has(item.code)) {
        problems.push(`item ${item.code}: bad or repeated`);
      }
      if (!weights.scales?.[item.scale]) problems.push(`item ${item.code}: unknown scale`);
      if (!matches(DECIMAL4, item.weight)) problems.push(`item ${item.code}: bad weight`);
      items.add(item.code);
    }
  }
  return problems;
}
