import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { grainOf, type DistinctRollup, type Rollup } from '../rollups/rollup-definitions';
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
 * Reads indicator figures from the indicator's roll-up when the question fits one of its grains
 * (groupBy and filters name at most two of its dimensions) and the period starts and ends on
 * UTC months. Same rows as the fact query, from thousands of roll-up rows (and the pending deltas)
 * instead of millions.
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
    if (source.distinctRollup) {
      return this.distinctFigures(source.distinctRollup, groupBy, filters, period);
    }
    const grain = grainFor(source, groupBy, filters);
    if (source.rollup === undefined || grain === undefined) return undefined;
    const from = source.stock ? undefined : filters.from;
    if (!(await this.onMonthBoundaries([from, filters.to]))) return undefined;
    const { of: rollup, add, subtract } = source.rollup;
    const params: unknown[] = [];
    const param = (value: unknown) => {
      params.push(value);
      return `$${params.length}`;
    };
    const conditions = [
      `measure = ANY(${param([add, subtract ?? add])})`,
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
        conditions.push(`${rollup.dimensions[dimension]!.column} = ${param(value)}`);
      }
    }
    const signed = (column: string) =>
      subtract === undefined
        ? `sum(${column})`
        : `sum(CASE WHEN measure = ${param(add)} THEN ${column} ELSE -${column} END)`;
    const sums =
      source.measure.kind === 'share'
        ? { n: signed('units'), numerator: signed('hits') }
        : { n: signed('units') };
    const keys = groupBy.map((dimension) =>
      dimension === 'period'
        ? `to_char(month, '${PERIOD_FORMATS[period]}')`
        : rollup.dimensions[dimension]!.column,
    );
    const where = `FROM ${withPending(rollup)}
       WHERE ${conditions.join('\n         AND ')}`;
    const sql =
      keys.length === 0
        ? `SELECT ${measureColumns(sums).join(', ')} ${where}`
        : cellsThenMargins(keys, sums, where);
    const rows: Array<Record<string, unknown>> = await this.dataSource.query(sql, params);
    return rows.map((row) => toFigure(row, source.measure, groupBy.length));
  }

  /**
   * Distinct people: every cell, margin and the total from its own grain (people are not
   * additive across keys), each person counted at their first month in the range or period.
   */
  private async distinctFigures(
    rollup: DistinctRollup,
    groupBy: readonly Dimension[],
    filters: FigureFilters,
    period: Period,
  ): Promise<FigureRow[] | undefined> {
    const filtered = FILTERED_DIMENSIONS.filter((dimension) => filters[dimension] !== undefined);
    const grainOfSet = (set: readonly Dimension[]) =>
      grainOf(rollup, new Set([...set.filter((d) => d !== 'period'), ...filtered]));
    if (grainOfSet(groupBy) === undefined) return undefined;
    if (!(await this.onMonthBoundaries([filters.from, filters.to]))) return undefined;
    const params: unknown[] = [];
    const param = (value: unknown) => {
      params.push(value);
      return `$${params.length}`;
    };
    const from =
      filters.from !== undefined
        ? `(${param(filters.from)}::timestamptz AT TIME ZONE 'UTC')::date`
        : undefined;
    const common = [
      ...(from !== undefined ? [`month >= ${from}`] : []),
      ...(filters.to !== undefined
        ? [`month < (${param(filters.to)}::timestamptz AT TIME ZONE 'UTC')::date`]
        : []),
      ...filtered.map(
        (dimension) => `${rollup.dimensions[dimension]!.column} = ${param(filters[dimension])}`,
      ),
    ];
    const sets =
      groupBy.length === 2
        ? [groupBy, [groupBy[0]], [groupBy[1]], []]
        : groupBy.length === 1
          ? [groupBy, []]
          : [[]];
    const selects = sets.map((set) => {
      const start = set.includes('period') ? `date_trunc('${period}', month)::date` : undefined;
      // Counted at the first month of the person's within the range and the period grouped by.
      const since = start && from ? `greatest(${start}, ${from})` : (start ?? from ?? undefined);
      const keys = groupBy.map((dimension) =>
        !set.includes(dimension)
          ? 'NULL::text'
          : dimension === 'period'
            ? `to_char(month, '${PERIOD_FORMATS[period]}')`
            : rollup.dimensions[dimension]!.column,
      );
      return `
        SELECT ${[
          ...keys.map((key, index) => `${key} AS k${index}`),
          ...groupBy.map((dimension, index) => `${set.includes(dimension) ? 0 : 1} AS g${index}`),
          'coalesce(sum(people), 0)::bigint AS value',
          'coalesce(sum(people), 0)::bigint AS n',
        ].join(', ')}
          FROM ${withPending(rollup)}
         WHERE ${[
           `grain = ${param(grainOfSet(set))}`,
           ...common,
           since
             ? `(previous_month IS NULL OR previous_month < ${since})`
             : 'previous_month IS NULL',
         ].join('\n           AND ')}
         ${set.length > 0 ? `GROUP BY ${set.map((dimension) => groupBy.indexOf(dimension) + 1).join(', ')}` : ''}`;
    });
    const rows: Array<Record<string, unknown>> = await this.dataSource.query(
      selects.join('\n        UNION ALL'),
      params,
    );
    return rows.map((row) => toFigure(row, { kind: 'rows' }, groupBy.length));
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

/**
 * The roll-up and the deltas not yet folded into it, summed alike by the same aggregation: an
 * answer counts every event applied, compacted or not (one statement, one snapshot).
 */
function withPending(rollup: Pick<Rollup, 'table' | 'pending'>): string {
  return `(SELECT * FROM ${rollup.table} UNION ALL SELECT * FROM ${rollup.pending}) AS rollup`;
}

/** The grain holding the grouped and filtered dimensions, if there is one. */
function grainFor(
  source: IndicatorSource,
  groupBy: readonly Dimension[],
  filters: FigureFilters,
): string | undefined {
  if (source.rollup === undefined) return undefined;
  // A stock's ends sit at their closing month, not at the registration month it is grouped by.
  if (source.stock && groupBy.includes('period')) return undefined;
  const dimensions = new Set(groupBy.filter((dimension) => dimension !== 'period'));
  for (const dimension of FILTERED_DIMENSIONS) {
    if (filters[dimension] !== undefined) dimensions.add(dimension);
  }
  return grainOf(source.rollup.of, dimensions);
}

interface Sums {
  readonly n: string;
  readonly numerator?: string;
}

/** The answer's columns from the sums (`coalesce`: no row at all is a count of 0). */
function measureColumns(sums: Sums, of = (sum: string) => sum): string[] {
  return [
    `coalesce(${of(sums.n)}, 0)::bigint AS value`,
    `coalesce(${of(sums.n)}, 0)::bigint AS n`,
    ...(sums.numerator ? [`coalesce(${of(sums.numerator)}, 0)::bigint AS numerator`] : []),
  ];
}

// Cells with no unit are left out, as the fact query has no row for them.
function cellsThenMargins(keys: readonly string[], sums: Sums, where: string): string {
  const names = keys.map((_, index) => `k${index}`);
  return `
      WITH cells AS (
        SELECT ${[
          ...keys.map((key, index) => `${key} AS k${index}`),
          `${sums.n} AS n`,
          ...(sums.numerator ? [`${sums.numerator} AS numerator`] : []),
        ].join(', ')}
          ${where}
         GROUP BY ${names.map((_, index) => index + 1).join(', ')}
        HAVING ${sums.n} > 0)
      SELECT ${[
        ...names,
        ...names.map((name, index) => `GROUPING(${name}) AS g${index}`),
        ...measureColumns(
          { n: 'n', numerator: sums.numerator && 'numerator' },
          (column) => `sum(${column})`,
        ),
      ].join(', ')}
        FROM cells
       GROUP BY ${groupingSets(names)}`;
}
