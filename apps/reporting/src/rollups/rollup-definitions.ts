import { ageBandSql } from '../indicators/age-band';
import type { Dimension } from '../indicators/indicator-catalogue';
import type { FactTable } from '../projections/fact-tables';

/**
 * A roll-up: the rows of a fact table counted per measure, UTC month (NULL when the fact has no
 * time yet) and grain, a grain being zero, one or two of its dimensions. A question whose groupBy
 * and filters together name at most two of them reads one grain (thousands of rows) instead of
 * every fact. `units` counts the facts, `hits` those meeting the measure's numerator.
 */
export interface Rollup {
  readonly table: FactTable;
  /** Where live changes append their signed deltas (`RollupCompactor` folds them in). */
  readonly pending: FactTable;
  readonly facts: FactTable;
  readonly key: string;
  /** Each dimension's roll-up column and its expression over the fact `f` and the measure `c`. */
  readonly dimensions: Readonly<Partial<Record<Dimension, RollupColumn>>>;
  /** Which facts count at all. */
  readonly where: string;
  /** `(measure, applies, at, aged_at, hit)` rows per fact: what each measure counts, and when. */
  readonly measures: string;
}

export interface RollupColumn {
  readonly column: string;
  readonly expression: string;
}

const BENEFICIARIES: Rollup = {
  table: 'beneficiary_rollup',
  pending: 'beneficiary_rollup_pending',
  facts: 'beneficiary_fact',
  key: 'beneficiary_id',
  dimensions: {
    sex: { column: 'sex', expression: 'f.sex' },
    ageBand: { column: 'age_band', expression: ageBandSql('f.birth_year', 'c.aged_at') },
    nationality: { column: 'nationality', expression: 'f.nationality' },
    category: { column: 'category', expression: 'f.category' },
    region: { column: 'region_code', expression: 'f.region_code' },
    programme: { column: 'programme_code', expression: 'f.programme_code' },
    institution: { column: 'owner_org', expression: 'f.owner_org' },
  },
  where: 'f.merged_into IS NULL AND f.registered_at IS NOT NULL',
  // `ended` is what the active stock subtracts: a closed file at the later of its registration
  // and closure (active as of t = registered before t and not closed before t), aged at
  // registration like the stock's other figures.
  measures: `(VALUES
    ('registered', true, f.registered_at, f.registered_at, false),
    ('closed', f.closed_at IS NOT NULL, f.closed_at, f.closed_at, false),
    ('ended', f.closed_at IS NOT NULL, greatest(f.registered_at, f.closed_at), f.registered_at, false))`,
};

// Nationality is the beneficiary's, joined at query time: not rolled up, so a change of it
// cannot leave an enrolment's roll-up behind.
const ENROLMENTS: Rollup = {
  table: 'enrolment_rollup',
  pending: 'enrolment_rollup_pending',
  facts: 'enrolment_fact',
  key: 'enrolment_id',
  dimensions: {
    sex: { column: 'sex', expression: 'f.sex' },
    ageBand: { column: 'age_band', expression: ageBandSql('f.birth_year', 'c.aged_at') },
    category: { column: 'category', expression: 'f.category' },
    region: { column: 'region_code', expression: 'f.region_code' },
    programme: { column: 'programme_code', expression: 'f.programme_code' },
    institution: { column: 'organising_org', expression: 'f.organising_org' },
    courseKind: { column: 'course_kind', expression: 'f.course_kind' },
  },
  where: 'true',
  measures: `(VALUES
    ('ended', f.outcome IS NOT NULL, f.ended_at, f.ended_at, f.outcome = 'completed'))`,
};

// Person dimensions of referrals are joined from beneficiary_fact at query time: only the
// referral's own are rolled up.
const REFERRALS: Rollup = {
  table: 'referral_rollup',
  pending: 'referral_rollup_pending',
  facts: 'referral_fact',
  key: 'referral_id',
  dimensions: {
    institution: { column: 'referring_org', expression: 'f.referring_org' },
    serviceType: { column: 'service_type', expression: 'f.service_type' },
    partner: { column: 'receiving_org', expression: 'f.receiving_org' },
    status: { column: 'status', expression: 'f.status' },
  },
  where: 'true',
  measures: `(VALUES
    ('requested', f.requested_at IS NOT NULL, f.requested_at, f.requested_at,
     f.answered_within_deadline IS TRUE),
    ('answered', f.seconds_to_answer IS NOT NULL, f.requested_at, f.requested_at,
     f.accepted IS TRUE),
    ('accepted', f.accepted IS TRUE, f.requested_at, f.requested_at, f.outcome_reported IS TRUE),
    ('escalated', f.escalated_at IS NOT NULL, f.escalated_at, f.escalated_at, false))`,
};

export const ROLLUPS = {
  beneficiaries: BENEFICIARIES,
  enrolments: ENROLMENTS,
  referrals: REFERRALS,
} as const;

/** The roll-up columns of a definition, in the order grain names and keys use. */
export function rollupColumns(
  rollup: Pick<Rollup, 'dimensions'>,
): Array<[Dimension, RollupColumn]> {
  return Object.entries(rollup.dimensions) as Array<[Dimension, RollupColumn]>;
}

/** Every grain kept: no dimension, each one, each pair. */
export function grainsOf(rollup: Pick<Rollup, 'dimensions'>): Dimension[][] {
  const names = rollupColumns(rollup).map(([name]) => name);
  return [
    [],
    ...names.map((name) => [name]),
    ...names.flatMap((first, index) => names.slice(index + 1).map((second) => [first, second])),
  ];
}

/** The grain's name as stored (`sex+region`), or undefined if no grain holds these dimensions. */
export function grainOf(
  rollup: Pick<Rollup, 'dimensions'>,
  dimensions: ReadonlySet<Dimension>,
): string | undefined {
  const names = rollupColumns(rollup).map(([name]) => name);
  if (dimensions.size > 2 || [...dimensions].some((name) => !names.includes(name))) {
    return undefined;
  }
  return names.filter((name) => dimensions.has(name)).join('+');
}

/**
 * A roll-up of distinct people: per grain key and UTC month, the people with an event that
 * month, each row also naming the month of the same person's previous event under the same key.
 * The people of a range [a, b) are then the rows of months in it whose previous month is before
 * a (or none): each person counts once, at their first month in the range, exactly.
 */
export interface DistinctRollup {
  readonly table: FactTable;
  /** As `Rollup.pending`. */
  readonly pending: FactTable;
  readonly facts: FactTable;
  readonly key: string;
  /** Who is counted once, over the fact `f`. */
  readonly person: string;
  /** When, over the fact `f`: the month counted and the age band's time. */
  readonly at: string;
  readonly where: string;
  /** As `Rollup.dimensions`, with `f.` for the fact and `c.aged_at` for `at`. */
  readonly dimensions: Rollup['dimensions'];
}

export const PEOPLE_TRAINED: DistinctRollup = {
  table: 'people_trained_rollup',
  pending: 'people_trained_rollup_pending',
  facts: 'enrolment_fact',
  key: 'enrolment_id',
  person: 'coalesce(f.beneficiary_id, f.enrolment_id)',
  at: 'f.ended_at',
  where: "f.outcome = 'completed'",
  dimensions: ENROLMENTS.dimensions,
};
