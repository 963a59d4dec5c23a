import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Dimension } from './indicator-catalogue';
import type { Period, StreamFreshness } from './indicator-answer';
import { periodSql, type IndicatorSource, type Measure } from './indicator-sources';

export interface FigureFilters {
  readonly from?: string;
  readonly to?: string;
  readonly programme?: string;
  readonly institution?: string;
  readonly region?: string;
}

/** One row of a grouped query: a cell, a margin (one key null by grouping) or the total. */
export interface FigureRow {
  /** Keys per grouped dimension; undefined where the row is a margin over that dimension. */
  readonly keys: Array<string | null | undefined>;
  readonly value: number | null;
  /** How many units the figure stands on: what small-count protection looks at. */
  readonly n: number;
  readonly numerator?: number;
  readonly denominator?: number;
}

export const FILTERED_DIMENSIONS = ['programme', 'institution', 'region'] as const;

/**
 * Reads indicator figures from the fact tables (the questions the roll-ups cannot answer): cells, margins and total in one statement
 * (GROUPING SETS), so that small-count protection knows every sum a reader could obtain.
 */
@Injectable()
export class IndicatorRepository {
  constructor(private readonly dataSource: DataSource) {}

  async figures(
    source: IndicatorSource,
    groupBy: readonly Dimension[],
    filters: FigureFilters,
    period: Period,
  ): Promise<FigureRow[]> {
    const params: unknown[] = [];
    const param = (value: unknown) => {
      params.push(value);
      return `$${params.length}`;
    };
    const conditions = [...source.where];
    if (source.unlessGroupedBy && !groupBy.includes(source.unlessGroupedBy.dimension)) {
      conditions.push(source.unlessGroupedBy.condition);
    }
    if (source.stock && filters.to === undefined) {
      conditions.push(`${source.stock.openUntil} IS NULL`);
    } else if (source.stock) {
      // As of the end of the period: registered before it, not closed by then.
      const asOf = `${param(filters.to)}::timestamptz`;
      conditions.push(`${source.at} < ${asOf}`);
      conditions.push(
        `(${source.stock.openUntil} IS NULL OR ${source.stock.openUntil} >= ${asOf})`,
      );
    } else {
      if (filters.from !== undefined) conditions.push(`${source.at} >= ${param(filters.from)}`);
      if (filters.to !== undefined) conditions.push(`${source.at} < ${param(filters.to)}`);
    }
    for (const dimension of FILTERED_DIMENSIONS) {
      const value = filters[dimension];
      const column = source.dimensions[dimension];
      if (value !== undefined && column !== undefined) {
        conditions.push(`${column} = ${param(value)}`);
      }
    }
    const expressions = groupBy.map((dimension) =>
      dimension === 'period' ? periodSql(source.at, period) : source.dimensions[dimension]!,
    );
    const where = conditions.length > 0 ? `WHERE ${conditions.join('\n         AND ')}` : '';
    const sql =
      expressions.length > 0 && isAdditive(source.measure)
        ? cellsThenMargins(source.from, source.measure, expressions, where)
        : `
      SELECT ${[
        ...expressions.map((expression, index) => `${expression} AS k${index}`),
        ...expressions.map((expression, index) => `GROUPING(${expression}) AS g${index}`),
        ...measureColumns(source.measure),
      ].join(',\n             ')}
        FROM ${source.from}
       ${where}
       ${expressions.length > 0 ? `GROUP BY ${groupingSets(expressions)}` : ''}`;
    const rows: Array<Record<string, unknown>> = await this.dataSource.query(sql, params);
    return rows.map((row) => toFigure(row, source.measure, groupBy.length));
  }

  async freshness(): Promise<Record<string, StreamFreshness>> {
    const rows: Array<{ stream: string; last_sequence: string; applied_up_to: Date }> =
      await this.dataSource.query(
        'SELECT stream, last_sequence, applied_up_to FROM stream_checkpoint ORDER BY stream',
      );
    return Object.fromEntries(
      rows.map((row) => [
        row.stream,
        { appliedUpTo: row.applied_up_to.toISOString(), lastSequence: Number(row.last_sequence) },
      ]),
    );
  }
}

/** Cells, both margins and the total (a one-way query: cells and the total). */
export function groupingSets(expressions: readonly string[]): string {
  return expressions.length === 2
    ? `GROUPING SETS ((${expressions[0]}, ${expressions[1]}), (${expressions[0]}), (${expressions[1]}), ())`
    : `GROUPING SETS ((${expressions[0]}), ())`;
}

type AdditiveMeasure = Extract<Measure, { kind: 'rows' | 'share' }>;

/** Measures whose margins and total are the sums of their cells. */
function isAdditive(measure: Measure): measure is AdditiveMeasure {
  return measure.kind === 'rows' || measure.kind === 'share';
}

/**
 * An additive measure grouped in two steps: the cells in one plain GROUP BY over the facts
 * (hashed once per row, in parallel workers when PostgreSQL has them), then margins and total
 * summed from those few cells. Grouping sets over the facts hash every row once per set.
 */
function cellsThenMargins(
  from: string,
  measure: AdditiveMeasure,
  expressions: readonly string[],
  where: string,
): string {
  const keys = expressions.map((_, index) => `k${index}`);
  const counts =
    measure.kind === 'share'
      ? [`count(*) FILTER (WHERE ${measure.numerator}) AS numerator`, 'count(*) AS n']
      : ['count(*) AS n'];
  // coalesce: with no cells at all, the total still counts 0 as a single pass would.
  const sums =
    measure.kind === 'share'
      ? ['coalesce(sum(numerator), 0)::bigint AS numerator', 'coalesce(sum(n), 0)::bigint AS n']
      : ['coalesce(sum(n), 0)::bigint AS value', 'coalesce(sum(n), 0)::bigint AS n'];
  return `
      WITH cells AS (
        SELECT ${[...expressions.map((expression, index) => `${expression} AS k${index}`), ...counts].join(',\n               ')}
          FROM ${from}
         ${where}
         GROUP BY ${keys.map((_, index) => index + 1).join(', ')})
      SELECT ${[...keys, ...keys.map((key, index) => `GROUPING(${key}) AS g${index}`), ...sums].join(',\n             ')}
        FROM cells
       GROUP BY ${groupingSets(keys)}`;
}

function measureColumns(measure: Measure): string[] {
  switch (measure.kind) {
    case 'count':
      return [
        `count(DISTINCT ${measure.of})::bigint AS value`,
        `count(DISTINCT ${measure.of})::bigint AS n`,
      ];
    case 'rows':
      return ['count(*)::bigint AS value', 'count(*)::bigint AS n'];
    case 'share':
      return [
        `count(*) FILTER (WHERE ${measure.numerator})::bigint AS numerator`,
        'count(*)::bigint AS n',
      ];
    case 'sum':
      return [`sum(${measure.of})::text AS value`, `count(DISTINCT ${measure.units})::bigint AS n`];
    case 'median-days':
      return [
        `percentile_cont(0.5) WITHIN GROUP (ORDER BY ${measure.of}) / 86400.0 AS value`,
        `count(${measure.of})::bigint AS n`,
      ];
    case 'mean':
      return [`avg(${measure.of})::float8 AS value`, `count(${measure.of})::bigint AS n`];
  }
}

export function toFigure(
  row: Record<string, unknown>,
  measure: Measure,
  dimensions: number,
): FigureRow {
  const keys = Array.from({ length: dimensions }, (_, index) =>
    Number(row[`g${index}`]) === 1 ? undefined : (row[`k${index}`] as string | null),
  );
  const n = Number(row.n);
  if (measure.kind === 'share') {
    const numerator = Number(row.numerator);
    return { keys, n, numerator, denominator: n, value: n === 0 ? null : numerator / n };
  }
  return {
    keys,
    n,
    // A sum of nothing is nothing paid (0); a median or mean of nothing has no value (null).
    value:
      row.value === null || row.value === undefined
        ? measure.kind === 'sum'
          ? 0
          : null
        : Number(row.value),
  };
}
