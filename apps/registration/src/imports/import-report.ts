import type { FieldViolation } from '@mrm/errors';

export const IMPORT_ROW_STATUSES = [
  'created',
  'would-create',
  'already-imported',
  'invalid',
  'probable-duplicate',
] as const;
export type ImportRowStatus = (typeof IMPORT_ROW_STATUSES)[number];

/** A field-level problem of a row: the field, the file's column and the rule, never the value. */
export interface ImportRowError extends FieldViolation {
  readonly column?: string;
}

export interface ImportCandidate {
  readonly id: string;
  readonly reference: string;
  readonly reasons: readonly string[];
}

export interface ImportRowResult {
  /** 1-based data row number (the row below the header is 1). */
  readonly row: number;
  readonly status: ImportRowStatus;
  readonly beneficiaryId?: string;
  readonly reference?: string;
  readonly errors?: readonly ImportRowError[];
  readonly candidates?: readonly ImportCandidate[];
  /** Another institution's record matched: no id, no reference, no match code; a review opened. */
  readonly elsewhere?: ImportElsewhere;
}

export interface ImportElsewhere {
  readonly reason: string;
  readonly reviewId: string;
}

export interface ImportTotals {
  readonly rows: number;
  readonly created: number;
  readonly wouldCreate: number;
  readonly alreadyImported: number;
  readonly invalid: number;
  readonly probableDuplicates: number;
}

export interface ImportReport {
  readonly importId: string;
  readonly dryRun: boolean;
  readonly totals: ImportTotals;
  readonly rows: readonly ImportRowResult[];
}

export function totalsOf(rows: readonly ImportRowResult[]): ImportTotals {
  const count = (status: ImportRowStatus) => rows.filter((row) => row.status === status).length;
  return {
    rows: rows.length,
    created: count('created'),
    wouldCreate: count('would-create'),
    alreadyImported: count('already-imported'),
    invalid: count('invalid'),
    probableDuplicates: count('probable-duplicate'),
  };
}
