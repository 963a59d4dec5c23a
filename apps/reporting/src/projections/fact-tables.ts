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

/** Sums of the facts kept by the projectors (ADR 0020), copied and swapped with them. */
export const ROLLUP_TABLES = [
  'beneficiary_rollup',
  'enrolment_rollup',
  'people_trained_rollup',
  'referral_rollup',
] as const;

export type FactTable = (typeof FACT_TABLES)[number] | (typeof ROLLUP_TABLES)[number];

/** What the rebuild copies and swaps, in the order projectors write: facts, roll-ups, checkpoints. */
export const REBUILT_TABLES: readonly FactTable[] = [
  ...FACT_TABLES.filter((table) => table !== 'stream_checkpoint'),
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
