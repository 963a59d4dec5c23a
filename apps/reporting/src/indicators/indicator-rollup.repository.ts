import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import {
  grainOf,
  isRollupDimension,
  ROLLUP_DIMENSIONS,
  type RollupDimension,
} from '../rollups/beneficiary-rollup';
import type { Period } from './indicator-answer';
import type { Dimension } from './indicator-catalogue';
import {
  FILTERED_DIMENSIONS,
  groupingSets,
  toFigure,
  type FigureFilters,
  type FigureRow,
} from './indicator.repository';
import type { IndicatorSource } from './indicator-sources';

const PERIOD_FORMATS: Record<Period, string> = {
  month: 'YYYY-MM',
  quarter: 'YYYY-"Q"Q',
  year: 'YYYY',
};

/**
 * Reads indicator figures from `beneficiary_rollup` when the question fits one of its grains:
 * groupBy and filters name at most two person dimensions, and the period starts and ends on
 * UTC months. Same rows as the fact query, from thousands of roll-up rows instead of millions.
 */
@Injectable()
export class IndicatorRollupRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** The figures, or undefined when the roll-up cannot answer this question exactly. */
  async figures(
    source: IndicatorSource,
    groupBy: readonly Dimension[],
    filters: FigureFilters,
    period: Period,
  ): Promise<FigureRow[] | undefined> {
    const grain = source.rollup && grainFor(source, groupBy, filters);
    if (source.rollup === undefined || grain === undefined) return undefined;
    const from = source.stock ? undefined : filters.from;
    if (!(await this.onMonthBoundaries([from, filters.to]))) return undefined;
    const params: unknown[] = [];
    const param = (value: unknown) => {
      params.push(value);
      return `$${params.length}`;
    };
    const conditions = [
      `measure = ANY(${param([source.rollup.add, source.rollup.subtract ?? source.rollup.add])})`,
      `grain = ${param(grain)}`,
    ];
    if (from !== undefined) {
      conditions.push(`month >= (${param(from)}::timestamptz AT TIME ZONE 'UTC')::date`);
    }
    if (filters.to !== undefined) {
      conditions.push(`month < (${param(filters.to)}::timestamptz AT TIME ZONE 'UTC')::date`);
    }
    for (const dimension of FILTERED_DIMENSIONS) {
      const value = filters[dimension];
      if (value !== undefined) {
        conditions.push(`${ROLLUP_DIMENSIONS[dimension]} = ${param(value)}`);
      }
    }
    const people =
      source.rollup.subtract === undefined
        ? 'sum(people)'
        : `sum(CASE WHEN measure = ${param(source.rollup.add)} THEN people ELSE -people END)`;
    const keys = groupBy.map((dimension) =>
      dimension === 'period'
        ? `to_char(month, '${PERIOD_FORMATS[period]}')`
        : ROLLUP_DIMENSIONS[dimension as RollupDimension],
    );
    const where = `WHERE ${conditions.join('\n         AND ')}`;
    const sql =
      keys.length === 0
        ? `SELECT coalesce(${people}, 0)::bigint AS value, coalesce(${people}, 0)::bigint AS n
             FROM beneficiary_rollup
            ${where}`
        : cellsThenMargins(keys, people, where);
    const rows: Array<Record<string, unknown>> = await this.dataSource.query(sql, params);
    return rows.map((row) => toFigure(row, source.measure, groupBy.length));
  }

  private async onMonthBoundaries(bounds: ReadonlyArray<string | undefined>): Promise<boolean> {
    const given = bounds.filter((bound) => bound !== undefined);
    if (given.length === 0) return true;
    const [{ aligned }]: Array<{ aligned: boolean }> = await this.dataSource.query(
      `SELECT bool_and(t = date_trunc('month', t, 'UTC')) AS aligned
         FROM unnest($1::timestamptz[]) AS t`,
      [given],
    );
    return aligned;
  }
}

/** The grain holding the grouped and filtered dimensions, if there is one. */
function grainFor(
  source: IndicatorSource,
  groupBy: readonly Dimension[],
  filters: FigureFilters,
): string | undefined {
  const dimensions = new Set<RollupDimension>();
  for (const dimension of groupBy) {
    // A stock's ends sit at their closing month, not at the registration month it is grouped by.
    if (dimension === 'period' && source.stock === undefined) continue;
    if (!isRollupDimension(dimension)) return undefined;
    dimensions.add(dimension);
  }
  for (const dimension of FILTERED_DIMENSIONS) {
    if (filters[dimension] !== undefined) dimensions.add(dimension);
  }
  return grainOf(dimensions);
}

// Cells whose people sum to nothing are left out, as the fact query has no row for them.
function cellsThenMargins(keys: readonly string[], people: string, where: string): string {
  const names = keys.map((_, index) => `k${index}`);
  return `
      WITH cells AS (
        SELECT ${[...keys.map((key, index) => `${key} AS k${index}`), `${people} AS n`].join(', ')}
          FROM beneficiary_rollup
         ${where}
         GROUP BY ${names.map((_, index) => index + 1).join(', ')}
        HAVING ${people} > 0)
      SELECT ${[
        ...names,
        ...names.map((name, index) => `GROUPING(${name}) AS g${index}`),
        'coalesce(sum(n), 0)::bigint AS value',
        'coalesce(sum(n), 0)::bigint AS n',
      ].join(', ')}
        FROM cells
       GROUP BY ${groupingSets(names)}`;
}
