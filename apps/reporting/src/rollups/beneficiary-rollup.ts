import type { Dimension } from '../indicators/indicator-catalogue';

/**
 * `beneficiary_rollup`: live beneficiaries counted per measure, UTC month and grain, a grain being
 * zero, one or two person dimensions. A question whose groupBy and filters together name at most
 * two of these dimensions reads one grain (a few thousand rows) instead of every fact.
 */

/** The person dimensions of the roll-up and their columns, in the order grain names use. */
export const ROLLUP_DIMENSIONS = {
  sex: 'sex',
  ageBand: 'age_band',
  nationality: 'nationality',
  category: 'category',
  region: 'region_code',
  programme: 'programme_code',
  institution: 'owner_org',
} as const satisfies Partial<Record<Dimension, string>>;
export type RollupDimension = keyof typeof ROLLUP_DIMENSIONS;

/**
 * What a beneficiary contributes, each at its own month with the age band at its own time:
 * `registered` (at registration), `closed` (at closure), and `ended`, which the active stock
 * subtracts: a closed file at the later of its registration and closure, aged at registration.
 */
export const ROLLUP_MEASURES = ['registered', 'closed', 'ended'] as const;
export type RollupMeasure = (typeof ROLLUP_MEASURES)[number];

const NAMES = Object.keys(ROLLUP_DIMENSIONS) as RollupDimension[];

/** Every grain kept: no dimension, each one, each pair. */
export const ROLLUP_GRAINS: ReadonlyArray<readonly RollupDimension[]> = [
  [],
  ...NAMES.map((name) => [name]),
  ...NAMES.flatMap((first, index) => NAMES.slice(index + 1).map((second) => [first, second])),
];

export function isRollupDimension(dimension: Dimension): dimension is RollupDimension {
  return dimension in ROLLUP_DIMENSIONS;
}

/** The grain's name as stored (`sex+region`), or undefined if no grain holds these dimensions. */
export function grainOf(dimensions: ReadonlySet<RollupDimension>): string | undefined {
  if (dimensions.size > 2) return undefined;
  return NAMES.filter((name) => dimensions.has(name)).join('+');
}
