import type { Dimension } from './indicator-catalogue';
import type { Period } from './indicator-answer';
import {
  PEOPLE_TRAINED,
  ROLLUPS,
  type DistinctRollup,
  type Rollup,
} from '../rollups/rollup-definitions';
import { ageBandSql } from './age-band';

/**
 * Where each indicator's figures come from, in SQL: the fact tables joined, the event time that
 * the period filters and groups by, the fixed conditions, the expression of each dimension and
 * the measure. Nothing from a request reaches this text: requests only choose among these.
 */
export interface IndicatorSource {
  readonly from: string;
  /** The time of the event counted (a timestamptz expression). */
  readonly at: string;
  readonly where: readonly string[];
  readonly dimensions: Partial<Record<Exclude<Dimension, 'period'>, string>>;
  readonly measure: Measure;
  /**
   * A stock rather than a flow: `from` does not apply; counted as of `to`, or without `to` as of
   * every event applied (a closure applied is a closure, whatever its clock said).
   */
  readonly stock?: { readonly openUntil: string };
  /** The roll-up and its measures that answer it when they can: `add`, less `subtract` for a stock. */
  readonly rollup?: {
    readonly of: Rollup;
    readonly add: string;
    readonly subtract?: string;
  };
  /** The roll-up of distinct people that answers a `count` measure when it can. */
  readonly distinctRollup?: DistinctRollup;
  /** Applied unless the caller groups by that dimension (e.g. the composite score by default). */
  readonly unlessGroupedBy?: { readonly dimension: Dimension; readonly condition: string };
}

export type Measure =
  /** Distinct units counted (a unit may stand on several rows, e.g. a person trained twice). */
  | { readonly kind: 'count'; readonly of: string }
  /**
   * Rows counted, each one unit: the fact table's key, joined only on unique keys. Counting rows
   * rather than distinct keys lets PostgreSQL hash the groups instead of sorting every key.
   */
  | { readonly kind: 'rows' }
  /** Units meeting `numerator` among the units counted. */
  | { readonly kind: 'share'; readonly numerator: string }
  /** A sum of money; `units` counts what the sum is made of (for small-count protection). */
  | { readonly kind: 'sum'; readonly of: string; readonly units: string }
  /** Median of a duration in seconds, answered in days. */
  | { readonly kind: 'median-days'; readonly of: string }
  | { readonly kind: 'mean'; readonly of: string };

const PERIOD_FORMATS: Record<Period, string> = {
  month: 'YYYY-MM',
  quarter: 'YYYY-"Q"Q',
  year: 'YYYY',
};

/** The `period` dimension: the event's month, quarter or year (UTC). */
export function periodSql(at: string, period: Period): string {
  return `to_char(${at} AT TIME ZONE 'UTC', '${PERIOD_FORMATS[period]}')`;
}

/** Person dimensions from a beneficiary fact aliased `b`, at the time `at`. */
function personOf(at: string, institution: string) {
  return {
    sex: 'b.sex',
    ageBand: ageBandSql('b.birth_year', at),
    nationality: 'b.nationality',
    category: 'b.category',
    region: 'b.region_code',
    programme: 'b.programme_code',
    institution,
  };
}

const BENEFICIARIES = 'beneficiary_fact b';
const LIVE_BENEFICIARY = 'b.merged_into IS NULL AND b.registered_at IS NOT NULL';

const enrolments = (at: string) => ({
  from: 'enrolment_fact e LEFT JOIN beneficiary_fact b ON b.beneficiary_id = e.beneficiary_id',
  at,
  dimensions: {
    sex: 'e.sex',
    ageBand: ageBandSql('e.birth_year', at),
    nationality: 'b.nationality',
    category: 'e.category',
    region: 'e.region_code',
    programme: 'e.programme_code',
    institution: 'e.organising_org',
    courseKind: 'e.course_kind',
  },
});

const PROJECT_DIMENSIONS = {
  projectKind: 'pr.kind',
  sector: 'pr.sector',
  region: 'pr.region_code',
  programme: 'pr.programme_code',
  institution: 'pr.owner_org',
};

const survival = (months: number): IndicatorSource => ({
  from: 'visit_fact v JOIN project_fact pr ON pr.project_id = v.project_id',
  at: 'v.visited_on',
  where: [`v.months_after = ${months}`, 'v.visited_on IS NOT NULL'],
  dimensions: PROJECT_DIMENSIONS,
  measure: { kind: 'share', numerator: 'v.activity_running' },
});

const referrals = (
  at: string,
  where: string[],
  measure: Measure,
  rolledUpAs?: string,
): IndicatorSource => ({
  from: 'referral_fact r LEFT JOIN beneficiary_fact b ON b.beneficiary_id = r.beneficiary_id',
  at,
  where,
  dimensions: {
    ...personOf(at, 'r.referring_org'),
    serviceType: 'r.service_type',
    partner: 'r.receiving_org',
    status: 'r.status',
  },
  measure,
  ...(rolledUpAs ? { rollup: { of: ROLLUPS.referrals, add: rolledUpAs } } : {}),
});

export const INDICATOR_SOURCES: Record<string, IndicatorSource> = {
  'beneficiaries-registered': {
    from: BENEFICIARIES,
    at: 'b.registered_at',
    where: [LIVE_BENEFICIARY],
    dimensions: personOf('b.registered_at', 'b.owner_org'),
    measure: { kind: 'rows' },
    rollup: { of: ROLLUPS.beneficiaries, add: 'registered' },
  },
  'beneficiaries-active': {
    from: BENEFICIARIES,
    at: 'b.registered_at',
    where: [LIVE_BENEFICIARY],
    dimensions: personOf('b.registered_at', 'b.owner_org'),
    measure: { kind: 'rows' },
    stock: { openUntil: 'b.closed_at' },
    rollup: { of: ROLLUPS.beneficiaries, add: 'registered', subtract: 'ended' },
  },
  'beneficiaries-closed': {
    from: BENEFICIARIES,
    at: 'b.closed_at',
    where: [LIVE_BENEFICIARY, 'b.closed_at IS NOT NULL'],
    dimensions: personOf('b.closed_at', 'b.owner_org'),
    measure: { kind: 'rows' },
    rollup: { of: ROLLUPS.beneficiaries, add: 'closed' },
  },
  'people-trained': {
    ...enrolments('e.ended_at'),
    where: ["e.outcome = 'completed'"],
    measure: { kind: 'count', of: 'coalesce(e.beneficiary_id, e.enrolment_id)' },
    distinctRollup: PEOPLE_TRAINED,
  },
  'training-completion-rate': {
    ...enrolments('e.ended_at'),
    where: ['e.outcome IS NOT NULL'],
    measure: { kind: 'share', numerator: "e.outcome = 'completed'" },
    rollup: { of: ROLLUPS.enrolments, add: 'ended' },
  },
  'training-satisfaction-rate': {
    from: 'satisfaction_fact s',
    at: 's.recorded_at',
    where: [],
    dimensions: {
      courseKind: 's.course_kind',
      region: 's.region_code',
      programme: 's.programme_code',
      institution: 's.organising_org',
    },
    measure: { kind: 'share', numerator: 's.overall >= 4' },
  },
  'plans-approved-within-30-days': {
    from: 'plan_fact p LEFT JOIN beneficiary_fact b ON b.beneficiary_id = p.beneficiary_id',
    at: 'p.approved_at',
    where: [],
    dimensions: personOf('p.approved_at', 'p.owner_org'),
    measure: { kind: 'share', numerator: 'p.on_time' },
  },
  projects: {
    from: 'project_fact pr',
    at: 'pr.created_at',
    where: ['pr.created_at IS NOT NULL'],
    dimensions: PROJECT_DIMENSIONS,
    measure: { kind: 'rows' },
  },
  'cooperatives-legally-registered': {
    from: 'project_fact pr',
    at: 'pr.legally_registered_at',
    where: ["pr.kind = 'collective'", 'pr.legally_registered_at IS NOT NULL'],
    dimensions: PROJECT_DIMENSIONS,
    measure: { kind: 'rows' },
  },
  'grants-disbursed': {
    from: 'disbursement_fact d JOIN project_fact pr ON pr.project_id = d.project_id',
    at: 'd.paid_on',
    where: [],
    dimensions: PROJECT_DIMENSIONS,
    measure: { kind: 'sum', of: 'd.amount', units: 'd.project_id' },
  },
  'project-survival-3m': survival(3),
  'project-survival-6m': survival(6),
  'project-survival-12m': survival(12),
  'visits-overdue': {
    from: 'visit_fact v JOIN project_fact pr ON pr.project_id = v.project_id',
    at: 'v.overdue_at',
    where: ['v.overdue_at IS NOT NULL', 'v.visited_on IS NULL'],
    dimensions: PROJECT_DIMENSIONS,
    measure: { kind: 'rows' },
  },
  'sustainability-score': {
    from: `survey_fact s
      CROSS JOIN LATERAL (VALUES ('economic', s.economic), ('social', s.social),
                                 ('psychosocial', s.psychosocial), ('composite', s.composite))
        AS score(dimension, value)
      LEFT JOIN beneficiary_fact b ON b.beneficiary_id = s.beneficiary_id`,
    at: 's.scored_at',
    where: ['score.value IS NOT NULL'],
    dimensions: { ...personOf('s.scored_at', 's.owner_org'), scoreDimension: 'score.dimension' },
    measure: { kind: 'mean', of: 'score.value' },
    unlessGroupedBy: { dimension: 'scoreDimension', condition: "score.dimension = 'composite'" },
  },
  referrals: referrals(
    'r.requested_at',
    ['r.requested_at IS NOT NULL'],
    { kind: 'rows' },
    'requested',
  ),
  'referral-acceptance-rate': referrals(
    'r.requested_at',
    ['r.seconds_to_answer IS NOT NULL'],
    {
      kind: 'share',
      numerator: 'r.accepted',
    },
    'answered',
  ),
  'referral-median-days-to-acknowledge': referrals(
    'r.requested_at',
    ['r.seconds_to_acknowledge IS NOT NULL'],
    { kind: 'median-days', of: 'r.seconds_to_acknowledge' },
  ),
  'referral-median-days-to-answer': referrals(
    'r.requested_at',
    ['r.seconds_to_answer IS NOT NULL'],
    { kind: 'median-days', of: 'r.seconds_to_answer' },
  ),
  'referrals-answered-within-deadline': referrals(
    'r.requested_at',
    ['r.requested_at IS NOT NULL'],
    { kind: 'share', numerator: 'r.answered_within_deadline IS TRUE' },
    'requested',
  ),
  'referrals-closed-loop': referrals(
    'r.requested_at',
    ['r.accepted'],
    {
      kind: 'share',
      numerator: 'r.outcome_reported',
    },
    'accepted',
  ),
  'referral-escalations': referrals(
    'r.escalated_at',
    ['r.escalated_at IS NOT NULL'],
    { kind: 'rows' },
    'escalated',
  ),
};
