import type { IndicatorAnswer, IndicatorGroup } from '../../src/indicators/indicator-answer';
import type { Dimension, IndicatorUnit } from '../../src/indicators/indicator-catalogue';
import { findIndicator } from '../../src/indicators/indicator-catalogue';

/** An answer as the query service gives it, for the renderers' tests: figures given by hand. */
export function anAnswer(input: {
  indicator: string;
  groupBy?: Dimension[];
  groups?: Array<Partial<IndicatorGroup> & Pick<IndicatorGroup, 'keys' | 'value'>>;
  total: number | null;
  totalSuppressed?: boolean;
  unit?: IndicatorUnit;
}): IndicatorAnswer {
  const definition = findIndicator(input.indicator)!;
  const groups = (input.groups ?? []).map((group) => ({
    labels: group.keys,
    suppressed: false,
    ...group,
    value: group.suppressed ? null : group.value,
  }));
  return {
    indicator: input.indicator,
    unit: input.unit ?? definition.unit,
    labels: definition.labels,
    filters: { programme: 'FORAS', from: '2026-01-01', to: '2027-01-01' },
    groupBy: input.groupBy ?? [],
    total: {
      value: input.totalSuppressed ? null : input.total,
      suppressed: !!input.totalSuppressed,
    },
    groups,
    suppression: {
      threshold: 5,
      cells: groups.filter((g) => g.suppressed).length,
      complementary: 0,
    },
    freshness: { REGISTRATION: { appliedUpTo: '2026-12-01T10:00:00.000Z', lastSequence: 42 } },
  };
}
