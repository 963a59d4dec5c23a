/**
 * Every table reporting projects events into (facts, then roll-ups of them, then checkpoints: the
 * order writers lock them in); the rebuild makes a fresh copy of each and swaps.
 */
export const FACT_TABLES = [
  'beneficiary_fact',
  'beneficiary_rollup',
  'enrolment_fact',
  'enrolment_rollup',
  'people_trained_rollup',
  'satisfaction_fact',
  'plan_fact',
  'project_fact',
  'disbursement_fact',
  'visit_fact',
  'survey_fact',
  'referral_fact',
  'referral_rollup',
  'stream_checkpoint',
] as const;
export type FactTable = (typeof FACT_TABLES)[number];

/** Where a projector writes: the live tables, or the rebuild's fresh copies. */
export type TableNames = (table: FactTable) => string;

export const LIVE_TABLES: TableNames = (table) => table;

export interface ProjectionOptions {
  /** False while the rebuild replays into empty copies: it fills the roll-ups once at the end. */
  readonly maintainRollups: boolean;
}
