import type { IndicatorAnswer } from '../indicators/indicator-answer';
import type { Cell } from './csv-writer';
import { DIMENSION_NAMES, labelIn } from './export-labels';

/**
 * One indicator answer as a flat table, the same for CSV and XLSX: a column pair (code, label)
 * per dimension, then the figure, its parts and whether it was suppressed; the total last.
 * A suppressed figure and its parts are left empty: only the flag tells it was there.
 */
export function indicatorTable(answer: IndicatorAnswer): { header: string[]; rows: Cell[][] } {
  const header = [
    'indicator',
    ...answer.groupBy.flatMap((dimension) => [dimension, `${dimension}_label`]),
    'value',
    'numerator',
    'denominator',
    'suppressed',
  ];
  const rows: Cell[][] = answer.groups.map((group) => [
    answer.indicator,
    ...answer.groupBy.flatMap((dimension) => [
      group.keys[dimension] ?? '',
      labelIn(group.labels[dimension] ?? group.keys[dimension], 'fr'),
    ]),
    group.suppressed ? null : group.value,
    group.suppressed ? null : (group.numerator ?? null),
    group.suppressed ? null : (group.denominator ?? null),
    group.suppressed,
  ]);
  rows.push([
    answer.indicator,
    ...answer.groupBy.flatMap(() => ['total', 'Total']),
    answer.total.suppressed ? null : answer.total.value,
    null,
    null,
    answer.total.suppressed,
  ]);
  return { header, rows };
}

/** Header names for people: "Sexe / Sex". */
export function dimensionHeader(dimension: keyof typeof DIMENSION_NAMES): string {
  const names = DIMENSION_NAMES[dimension];
  return names.fr === names.en ? names.fr : `${names.fr} / ${names.en}`;
}
