import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { TableNames } from '../projections/fact-tables';
import { grainsOf, rollupColumns, type Rollup } from './rollup-definitions';

/**
 * Keeps a roll-up and its pending deltas summing to what its fact table holds: a projector reads
 * the facts of a batch (as JSON: exact timestamps) before applying it, then appends the
 * difference from what they are after to the pending table, in its transaction; `compact` folds
 * the pending rows into the roll-up; the rebuild and the bench fill it from the facts.
 */
@Injectable()
export class RollupRepository {
  /**
   * Runs a projector's change to the facts of `ids` and adds its difference to the roll-up, in
   * the caller's transaction. A change that leaves the facts as they were writes nothing.
   */
  async tracking(
    em: EntityManager,
    tables: TableNames,
    rollup: Rollup,
    ids: readonly string[],
    changeFacts: () => Promise<void>,
  ): Promise<void> {
    if (ids.length === 0) return changeFacts();
    // Sorted, so that two batches sharing facts take their locks in the same order.
    await em.query(
      'SELECT pg_advisory_xact_lock(hashtextextended(id::text, 0)) FROM unnest($1::uuid[]) AS id',
      [[...ids].sort()],
    );
    const [{ before }]: Array<{ before: string }> = await em.query(
      `SELECT coalesce(jsonb_agg(to_jsonb(f)), '[]')::text AS before
         FROM ${tables(rollup.facts)} AS f
        WHERE ${rollup.key} = ANY($1::uuid[])`,
      [ids],
    );
    await changeFacts();
    await this.addChange(em, tables, rollup, { before, ids });
  }

  /**
   * Appends minus what the changed facts counted for before and plus what they count for now;
   * the facts as they are now are read by the same statement. Inserts only: no row is shared
   * with another transaction, so concurrent batches do not queue on the month's hot cells.
   */
  private async addChange(
    em: EntityManager,
    tables: TableNames,
    rollup: Rollup,
    change: { readonly before: string; readonly ids: readonly string[] },
  ): Promise<void> {
    const facts = tables(rollup.facts);
    await this.add(
      em,
      { rollup, into: tables(rollup.pending), upsert: false },
      `(WITH previous AS (SELECT * FROM jsonb_populate_recordset(NULL::${facts}, $1::jsonb)),
             changed AS (
               SELECT fact.* FROM ${facts} AS fact
                WHERE fact.${rollup.key} = ANY($2::uuid[])
                  AND NOT EXISTS (SELECT FROM previous
                                   WHERE previous.${rollup.key} = fact.${rollup.key}
                                     AND to_jsonb(previous) = to_jsonb(fact)))
        SELECT *, -1 AS sign FROM previous
         WHERE ${rollup.key} IN (SELECT ${rollup.key} FROM changed)
        UNION ALL
        SELECT *, 1 AS sign FROM changed) AS f`,
      [change.before, change.ids],
    );
  }

  /** Fills an empty roll-up from every fact. */
  async fill(em: EntityManager, tables: TableNames, rollup: Rollup): Promise<void> {
    await this.add(
      em,
      { rollup, into: tables(rollup.table), upsert: true },
      `(SELECT *, 1 AS sign FROM ${tables(rollup.facts)}) AS f`,
      [],
    );
  }

  /**
   * Moves every pending delta into the roll-up, in one statement, then deletes the cells left at
   * zero (as a fill from the facts would not have them). The DELETE sees only committed rows:
   * those of a transaction still running stay pending and are folded next time. Returns the
   * number of pending rows moved.
   */
  async compact(em: EntityManager, tables: TableNames, rollup: Rollup): Promise<number> {
    const keys = ['measure', 'grain', 'month', ...rollupColumns(rollup).map(([, c]) => c.column)];
    const [{ moved, emptied }]: Array<{ moved: number; emptied: boolean }> = await em.query(
      `WITH moved AS (DELETE FROM ${tables(rollup.pending)} RETURNING *),
            folded AS (
       INSERT INTO ${tables(rollup.table)} AS rollup (${keys.join(', ')}, units, hits)
       SELECT ${keys.join(', ')}, sum(units)::int, sum(hits)::int
         FROM moved
        GROUP BY ${keys.join(', ')}
       HAVING sum(units) <> 0 OR sum(hits) <> 0
       ON CONFLICT (${keys.join(', ')})
       DO UPDATE SET units = rollup.units + EXCLUDED.units, hits = rollup.hits + EXCLUDED.hits
       RETURNING rollup.units = 0 AS emptied)
       SELECT (SELECT count(*) FROM moved)::int AS moved,
              coalesce(bool_or(emptied), false) AS emptied
         FROM folded`,
    );
    if (emptied) await em.query(`DELETE FROM ${tables(rollup.table)} WHERE units = 0`);
    return moved;
  }

  // Each fact counts once per measure that applies to it; the finest cells are summed first so
  // that the grouping sets hash those few rows rather than every fact once per grain.
  private async add(
    em: EntityManager,
    target: { readonly rollup: Rollup; readonly into: string; readonly upsert: boolean },
    facts: string,
    params: unknown[],
  ): Promise<void> {
    const { rollup } = target;
    const dimensions = rollupColumns(rollup);
    const columns = dimensions.map(([, { column }]) => column);
    const grainName = `concat_ws('+', ${dimensions
      .map(([name, { column }]) => `CASE WHEN GROUPING(${column}) = 0 THEN '${name}' END`)
      .join(', ')})`;
    const grains = `GROUPING SETS (${grainsOf(rollup)
      .map((grain) => `(${grain.map((name) => rollup.dimensions[name]!.column).join(', ')})`)
      .join(', ')})`;
    await em.query(
      `INSERT INTO ${target.into} AS rollup
         (measure, grain, month, ${columns.join(', ')}, units, hits)
       SELECT measure, ${grainName}, month, ${columns.join(', ')},
              sum(units)::int, sum(hits)::int
         FROM (SELECT c.measure, date_trunc('month', c.at AT TIME ZONE 'UTC')::date AS month,
                      ${dimensions.map(([, { column, expression }]) => `${expression} AS ${column}`).join(',\n                      ')},
                      sum(f.sign) AS units,
                      coalesce(sum(f.sign) FILTER (WHERE c.hit), 0) AS hits
                 FROM ${facts}
                 CROSS JOIN LATERAL ${rollup.measures} AS c(measure, applies, at, aged_at, hit)
                WHERE ${rollup.where} AND c.applies
                GROUP BY ${Array.from({ length: 2 + columns.length }, (_, i) => i + 1).join(', ')}
              ) AS cell
        GROUP BY measure, month, ${grains}
       HAVING sum(units) <> 0 OR sum(hits) <> 0
       ${
         target.upsert
           ? `ON CONFLICT (measure, grain, month, ${columns.join(', ')})
              DO UPDATE SET units = rollup.units + EXCLUDED.units, hits = rollup.hits + EXCLUDED.hits`
           : ''
       }`,
      params,
    );
  }
}
