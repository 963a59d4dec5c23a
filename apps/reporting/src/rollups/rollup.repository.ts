import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { TableNames } from '../projections/fact-tables';
import { grainsOf, rollupColumns, type Rollup } from './rollup-definitions';

/** Fact rows as JSON (exact timestamps), keyed by the fact's id. */
export type FactSnapshot = ReadonlyMap<string, string>;

/**
 * Keeps a roll-up equal to what its fact table holds: a projector reads the facts of a batch
 * before and after applying it and adds the difference, in its transaction; the rebuild and the
 * bench fill it from the facts in one statement.
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
    const before = await this.lockAndRead(em, tables, rollup, ids);
    await changeFacts();
    const after = await this.read(em, tables, rollup, ids);
    await this.applyChange(em, tables, rollup, { before, after });
  }

  /** Holds these facts against concurrent projectors until commit, then reads them. */
  async lockAndRead(
    em: EntityManager,
    tables: TableNames,
    rollup: Rollup,
    ids: readonly string[],
  ): Promise<FactSnapshot> {
    // Sorted, so that two batches sharing facts take their locks in the same order.
    await em.query(
      'SELECT pg_advisory_xact_lock(hashtextextended(id::text, 0)) FROM unnest($1::uuid[]) AS id',
      [[...ids].sort()],
    );
    return this.read(em, tables, rollup, ids);
  }

  async read(
    em: EntityManager,
    tables: TableNames,
    rollup: Rollup,
    ids: readonly string[],
  ): Promise<FactSnapshot> {
    const rows: Array<{ id: string; fact: string }> = await em.query(
      `SELECT ${rollup.key} AS id, to_jsonb(f)::text AS fact
         FROM ${tables(rollup.facts)} AS f
        WHERE ${rollup.key} = ANY($1::uuid[])`,
      [ids],
    );
    return new Map(rows.map((row) => [row.id, row.fact]));
  }

  /** Removes what the changed facts counted for before and adds what they count for now. */
  async applyChange(
    em: EntityManager,
    tables: TableNames,
    rollup: Rollup,
    change: { readonly before: FactSnapshot; readonly after: FactSnapshot },
  ): Promise<void> {
    const changed = [...change.after].filter(([id, fact]) => change.before.get(id) !== fact);
    if (changed.length === 0) return;
    const previous = changed.flatMap(([id]) => change.before.get(id) ?? []);
    const facts = tables(rollup.facts);
    const emptied = await this.add(
      em,
      tables,
      rollup,
      `(SELECT *, -1 AS sign FROM jsonb_populate_recordset(NULL::${facts}, $1::jsonb)
        UNION ALL
        SELECT *, 1 AS sign FROM jsonb_populate_recordset(NULL::${facts}, $2::jsonb)) AS f`,
      [`[${previous.join(',')}]`, `[${changed.map(([, fact]) => fact).join(',')}]`],
    );
    // A zero row is a cell that no longer exists: gone, as a fill from the facts would leave it.
    if (emptied) await em.query(`DELETE FROM ${tables(rollup.table)} WHERE units = 0`);
  }

  /** Fills an empty roll-up from every fact. */
  async fill(em: EntityManager, tables: TableNames, rollup: Rollup): Promise<void> {
    await this.add(
      em,
      tables,
      rollup,
      `(SELECT *, 1 AS sign FROM ${tables(rollup.facts)}) AS f`,
      [],
    );
  }

  // Each fact counts once per measure that applies to it; the finest cells are summed first so
  // that the grouping sets hash those few rows rather than every fact once per grain.
  private async add(
    em: EntityManager,
    tables: TableNames,
    rollup: Rollup,
    facts: string,
    params: unknown[],
  ): Promise<boolean> {
    const dimensions = rollupColumns(rollup);
    const columns = dimensions.map(([, { column }]) => column);
    const grainName = `concat_ws('+', ${dimensions
      .map(([name, { column }]) => `CASE WHEN GROUPING(${column}) = 0 THEN '${name}' END`)
      .join(', ')})`;
    const grains = `GROUPING SETS (${grainsOf(rollup)
      .map((grain) => `(${grain.map((name) => rollup.dimensions[name]!.column).join(', ')})`)
      .join(', ')})`;
    const keyCount = 3 + columns.length;
    const cells: Array<{ emptied: boolean }> = await em.query(
      `INSERT INTO ${tables(rollup.table)} AS rollup
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
        -- One order for every writer, so two batches sharing cells cannot deadlock on them.
        ORDER BY ${Array.from({ length: keyCount }, (_, i) => i + 1).join(', ')}
       ON CONFLICT (measure, grain, month, ${columns.join(', ')})
       DO UPDATE SET units = rollup.units + EXCLUDED.units, hits = rollup.hits + EXCLUDED.hits
       RETURNING rollup.units = 0 AS emptied`,
      params,
    );
    return cells.some((cell) => cell.emptied);
  }
}
