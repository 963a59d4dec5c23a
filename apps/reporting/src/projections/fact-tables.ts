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
export type FactTable = (typeof FACT_TABLES)[number];

/** Where a projector writes: the live tables, or the rebuild's fresh copies. */
export type TableNames = (table: FactTable) => string;

export const LIVE_TABLES: TableNames = (table) => table;
