import type { Dimension, IndicatorUnit, Labels } from './indicator-catalogue';

export const PERIODS = ['month', 'quarter', 'year'] as const;
export type Period = (typeof PERIODS)[number];

/** What a caller may ask of an indicator; the HTTP query and the exports both build it. */
export interface IndicatorParams {
  /** Inclusive start (ISO-8601 date or date-time). */
  readonly from?: string;
  /** Exclusive end (ISO-8601 date or date-time). */
  readonly to?: string;
  /** Granularity of the `period` dimension; month when absent. */
  readonly period?: Period;
  readonly programme?: string;
  readonly institution?: string;
  readonly region?: string;
  /** Zero, one or two dimensions, among the indicator's disaggregations. */
  readonly groupBy?: readonly Dimension[];
  /**
   * True for figures leaving the platform (exports, donor report): small counts are suppressed
   * whoever asks. Callers below coordinator always get suppressed figures.
   */
  readonly publishable?: boolean;
}

export interface SuppressibleValue {
  /** Null when suppressed, or when the figure has no meaning (a share of nothing). */
  readonly value: number | null;
  readonly suppressed: boolean;
}

export interface IndicatorGroup extends SuppressibleValue {
  /** Dimension → code (e.g. `{ sex: 'female', region: '05' }`); `none` where unknown. */
  readonly keys: Partial<Record<Dimension, string>>;
  /** Dimension → label in three languages, or the code itself where it has no label. */
  readonly labels: Partial<Record<Dimension, Labels | string>>;
  /** For shares: the parts, suppressed with the cell. */
  readonly numerator?: number | null;
  readonly denominator?: number | null;
}

export interface StreamFreshness {
  /** Event time of the newest event applied from the stream, null when none yet. */
  readonly appliedUpTo: string | null;
  /** Stream sequence of the newest event applied, null when none yet. */
  readonly lastSequence: number | null;
}

export interface IndicatorAnswer {
  readonly indicator: string;
  readonly unit: IndicatorUnit;
  readonly labels: Labels;
  /** The filters as understood (echo of the parameters, without groupBy). */
  readonly filters: Omit<IndicatorParams, 'groupBy' | 'publishable'>;
  readonly groupBy: readonly Dimension[];
  readonly total: SuppressibleValue;
  readonly groups: readonly IndicatorGroup[];
  readonly suppression: {
    /** Cells under this count (and above zero) are suppressed; 0 when suppression is off. */
    readonly threshold: number;
    /** Cells suppressed because they were small. */
    readonly cells: number;
    /** Cells suppressed so that the small ones cannot be recomputed. */
    readonly complementary: number;
  };
  /** Per source stream (REGISTRATION, TRAINING, ...): how far its events have been applied. */
  readonly freshness: Record<string, StreamFreshness>;
}
