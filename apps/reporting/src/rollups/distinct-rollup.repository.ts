import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { TableNames } from '../projections/fact-tables';
import { grainsOf, rollupColumns, type DistinctRollup } from './rollup-definitions';

/**
 * Keeps a roll-up of distinct people (`DistinctRollup`) and its pending deltas summing to its
 * facts. A person's rows depend on all of their facts (each month names the previous one), so a
 * projector reads every fact of the people its batch touches, before and after, and appends the
 * difference of their rows to the pending table; `compact` folds those into the roll-up.
 */
@Injectable()
export class DistinctRollupRepository {
  /**
   * Runs a projector's change and adds its difference to the roll-up, in the caller's
   * transaction. `ids` are the fact keys of the batch and the person keys its events name.
   */
  async tracking(
    em: EntityManager,
    tables: TableNames,
    rollup: DistinctRollup,
    ids: readonly string[],
    changeFacts: () => Promise<void>,
  ): Promise<void> {
    if (ids.length === 0) return changeFacts();
    await this.lock(em, ids);
    // The people the facts already belong to, held too before anything of theirs is read.
    const known: Array<{ person: string }> = await em.query(
      `SELECT DISTINCT ${rollup.person} AS person FROM ${tables(rollup.facts)} AS f
        WHERE ${rollup.key} = ANY($1::uuid[])`,
      [ids],
    );
    const more = known.map(({ person }) => person).filter((person) => !ids.includes(person));
    await this.lock(em, more);
    const people = [...ids, ...more];
    const before = await this.read(em, tables, rollup, people);
    await changeFacts();
    const after = await this.read(em, tables, rollup, people);
    if (before === after) return;
    const facts = tables(rollup.facts);
    // Appended, not upserted: no row shared with concurrent batches (see `RollupRepository`).
    await this.add(
      em,
      { rollup, into: tables(rollup.pending), upsert: false },
      `(SELECT *, -1 AS sign FROM jsonb_populate_recordset(NULL::${facts}, $2::jsonb)
        UNION ALL
        SELECT *, 1 AS sign FROM jsonb_populate_recordset(NULL::${facts}, $3::jsonb)) AS f`,
      [before, after],
    );
  }

  // Sorted, so that two batches sharing ids take their locks in the same order.
  private async lock(em: EntityManager, ids: readonly string[]): Promise<void> {
    await em.query(
      'SELECT pg_advisory_xact_lock(hashtextextended(id::text, 1)) FROM unnest($1::uuid[]) AS id',
      [[...ids].sort()],
    );
  }

  /** Fills an empty roll-up from every fact. */
  async fill(em: EntityManager, tables: TableNames, rollup: DistinctRollup): Promise<void> {
    // Every fact once per grain, sorted by person: memory spares the sort a trip to disk.
    await em.query("SET LOCAL work_mem = '256MB'");
    await this.add(
      em,
      { rollup, into: tables(rollup.table), upsert: true },
      `(SELECT *, 1 AS sign FROM ${tables(rollup.facts)}) AS f`,
      [],
    );
  }

  /**
   * Moves every pending delta into the roll-up, in one statement, then deletes the cells left at
   * zero. The DELETE sees only committed rows: those of a transaction still running stay pending
   * and are folded next time. Returns the number of pending rows moved.
   */
  async compact(em: EntityManager, tables: TableNames, rollup: DistinctRollup): Promise<number> {
    const keys = [
      'grain',
      'month',
      'previous_month',
      ...rollupColumns(rollup).map(([, { column }]) => column),
    ];
    const [{ moved, emptied }]: Array<{ moved: number; emptied: boolean }> = await em.query(
      `WITH moved AS (DELETE FROM ${tables(rollup.pending)} RETURNING *),
            folded AS (
       INSERT INTO ${tables(rollup.table)} AS rollup (${keys.join(', ')}, people)
       SELECT ${keys.join(', ')}, sum(people)::int
         FROM moved
        GROUP BY ${keys.join(', ')}
       HAVING sum(people) <> 0
       ON CONFLICT (${keys.join(', ')}) DO UPDATE SET people = rollup.people + EXCLUDED.people
       RETURNING rollup.people = 0 AS emptied)
       SELECT (SELECT count(*) FROM moved)::int AS moved,
              coalesce(bool_or(emptied), false) AS emptied
         FROM folded`,
    );
    if (emptied) await em.query(`DELETE FROM ${tables(rollup.table)} WHERE people = 0`);
    return moved;
  }

  // The facts of these people, as one JSON array in a fixed order (equal text, equal facts).
  private async read(
    em: EntityManager,
    tables: TableNames,
    rollup: DistinctRollup,
    people: readonly string[],
  ): Promise<string> {
    const [{ facts }]: Array<{ facts: string }> = await em.query(
      `SELECT coalesce(jsonb_agg(to_jsonb(f) ORDER BY f.${rollup.key}), '[]')::text AS facts
         FROM ${tables(rollup.facts)} AS f
        WHERE ${rollup.person} = ANY($1::uuid[])`,
      [people],
    );
    return facts;
  }

  // A person with one fact has, under every grain, one month and no previous one: those are
  // summed like any roll-up (grouping sets). Only people with several facts need the months of
  // each grain put in order, person by person.
  private async add(
    em: EntityManager,
    target: { readonly rollup: DistinctRollup; readonly into: string; readonly upsert: boolean },
    facts: string,
    params: unknown[],
  ): Promise<void> {
    const { rollup } = target;
    const dimensions = rollupColumns(rollup);
    const columns = dimensions.map(([, { column }]) => column);
    const grains = grainsOf(rollup);
    const grainName = `concat_ws('+', ${dimensions
      .map(([name, { column }]) => `CASE WHEN GROUPING(${column}) = 0 THEN '${name}' END`)
      .join(', ')})`;
    const keyed = dimensions.map(
      ([name, { column }]) =>
        `CASE WHEN '${name}' = ANY(string_to_array(g.grain, '+')) THEN ${column} END AS ${column}`,
    );
    const keys = ['grain', 'month', 'previous_month', ...columns];
    await em.query(
      `WITH completed AS MATERIALIZED (
         SELECT f.sign, ${rollup.person} AS person,
                date_trunc('month', c.aged_at AT TIME ZONE 'UTC')::date AS month,
                ${dimensions.map(([, { column, expression }]) => `${expression} AS ${column}`).join(',\n                ')},
                count(*) OVER (PARTITION BY f.sign, ${rollup.person}) AS facts
           FROM ${facts}
           CROSS JOIN LATERAL (SELECT ${rollup.at} AS aged_at) AS c
          WHERE ${rollup.where}),
       counted AS (
         SELECT ${grainName} AS grain, month, NULL::date AS previous_month, ${columns.join(', ')},
                sum(sign) AS people
           FROM completed
          WHERE facts = 1
          GROUP BY month, GROUPING SETS (${grains
            .map((grain) => `(${grain.map((name) => rollup.dimensions[name]!.column).join(', ')})`)
            .join(', ')})
         UNION ALL
         SELECT ${keys.join(', ')}, sum(sign)
           FROM (SELECT *, lag(month) OVER (PARTITION BY sign, grain, person, ${columns.join(', ')}
                                            ORDER BY month) AS previous_month
                   FROM (SELECT DISTINCT sign, g.grain, person, month,
                                ${keyed.join(',\n                                ')}
                           FROM completed
                           CROSS JOIN unnest($1::text[]) AS g(grain)
                          WHERE facts > 1) AS months) AS sequenced
          GROUP BY ${keys.join(', ')})
       INSERT INTO ${target.into} AS rollup (${keys.join(', ')}, people)
       SELECT ${keys.join(', ')}, sum(people)::int
         FROM counted
        GROUP BY ${keys.join(', ')}
       HAVING sum(people) <> 0
       ${
         target.upsert
           ? `ON CONFLICT (${keys.join(', ')}) DO UPDATE SET people = rollup.people + EXCLUDED.people`
           : ''
       }`,
      [grains.map((grain) => grain.join('+')), ...params],
    );
  }
}
