import type { IndicatorAnswer } from '../../indicators/indicator-answer';
import type { Dhis2DataElementMapping, Dhis2Mapping } from './dhis2-mapping';

/** One value of DHIS2's `dataValueSets` import format, ids given as codes. */
export interface Dhis2DataValue {
  readonly dataElement: string;
  readonly period: string;
  readonly orgUnit: string;
  readonly categoryOptionCombo: string;
  readonly value: string;
}

/** The body DHIS2's `POST /api/dataValueSets?idScheme=CODE` imports. */
export interface Dhis2DataValueSet {
  readonly dataSet: string;
  readonly period: string;
  readonly orgUnit: string;
  readonly completeDate: string;
  readonly dataValues: Dhis2DataValue[];
}

/** The data value set and what could not be sent (suppressed or without a category combo). */
export interface Dhis2Export {
  readonly dataValueSet: Dhis2DataValueSet;
  readonly suppressed: number;
  readonly unmapped: number;
}

/**
 * Turns publishable answers into DHIS2 data values. A suppressed cell is left out (DHIS2 has no
 * "suppressed" value, and a zero would be a lie); so is a group the mapping has no combo for.
 */
export function toDataValueSet(input: {
  mapping: Dhis2Mapping;
  period: string;
  orgUnit: string;
  generatedAt: Date;
  answers: ReadonlyArray<{ element: Dhis2DataElementMapping; answer: IndicatorAnswer }>;
}): Dhis2Export {
  const dataValues: Dhis2DataValue[] = [];
  let suppressed = 0;
  let unmapped = 0;
  for (const { element, answer } of input.answers) {
    const cells =
      element.disaggregation.length === 0
        ? [{ combo: input.mapping.defaultCategoryOptionCombo, cell: answer.total }]
        : answer.groups.map((group) => ({
            combo:
              element.categoryOptionCombos?.[
                element.disaggregation.map((dimension) => group.keys[dimension]).join('|')
              ],
            cell: group,
          }));
    for (const { combo, cell } of cells) {
      if (cell.suppressed) suppressed += 1;
      else if (combo === undefined) unmapped += 1;
      else if (cell.value !== null) {
        dataValues.push({
          dataElement: element.dataElement,
          period: input.period,
          orgUnit: input.orgUnit,
          categoryOptionCombo: combo,
          value: numberText(cell.value * (element.multiplier ?? 1)),
        });
      }
    }
  }
  return {
    dataValueSet: {
      dataSet: input.mapping.dataSet,
      period: input.period,
      orgUnit: input.orgUnit,
      completeDate: input.generatedAt.toISOString().slice(0, 10),
      dataValues,
    },
    suppressed,
    unmapped,
  };
}

// DHIS2 stores values as text: no exponent, at most four decimals, no trailing zeros.
function numberText(value: number): string {
  return String(Number(value.toFixed(4)));
}
