/** Every table reporting projects events into; the rebuild makes a fresh copy of each and swaps. */
export const FACT_TABLES = [
  'beneficiary_fact',
  'enrolment_fact',
  'satisfaction_fact',
  'plan_fact',
  'project_fact',
  'disbursement_fact',
  'visit_fact',
  'survey_fact',
  'referral_fact',
  'stream_checkpoint',
] as const;

/** Sums of the facts (ADR 0020), copied and swapped with them. */
export const ROLLUP_TABLES = [
  'beneficiary_rollup',
  'enrolment_rollup',
  'people_trained_rollup',
  'referral_rollup',
] as const;

/** The projectors' signed deltas, appended until the compactor folds them into their roll-up. */
export const PENDING_ROLLUP_TABLES = [
  'beneficiary_rollup_pending',
  'enrolment_rollup_pending',
  'people_trained_rollup_pending',
  'referral_rollup_pending',
] as const;

export type FactTable =
  | (typeof FACT_TABLES)[number]
  | (typeof ROLLUP_TABLES)[number]
  | (typeof PENDING_ROLLUP_TABLES)[number];

/**
 * What the rebuild copies and swaps, in the order everyone locks them: facts, pending deltas,
 * roll-ups, checkpoints (projectors write facts, pending, checkpoint; the compactor pending, then
 * its roll-up), so that the swap's lock cannot deadlock with either.
 */
export const REBUILT_TABLES: readonly FactTable[] = [
  ...FACT_TABLES.filter((table) => table !== 'stream_checkpoint'),
  ...PENDING_ROLLUP_TABLES,
  ...ROLLUP_TABLES,
  'stream_checkpoint',
];

/** Where a projector writes: the live tables, or the rebuild's fresh copies. */
export type TableNames = (table: FactTable) => string;

export const LIVE_TABLES: TableNames = (table) => table;

export interface ProjectionOptions {
  /** False while the rebuild replays into empty copies: it fills the roll-ups once at the end. */
  readonly maintainRollups: boolean;
}
