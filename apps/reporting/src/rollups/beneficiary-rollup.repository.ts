import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { ageBandSql } from '../indicators/indicator-sources';
import type { TableNames } from '../projections/fact-tables';
import { ROLLUP_DIMENSIONS, ROLLUP_GRAINS } from './beneficiary-rollup';

/** What a beneficiary fact contributes to the roll-up, read as text so it goes back unchanged. */
export interface RollupFacts {
  readonly beneficiary_id: string;
  readonly owner_org: string | null;
  readonly category: string | null;
  readonly sex: string | null;
  readonly birth_year: number | null;
  readonly nationality: string | null;
  readonly region_code: string | null;
  readonly programme_code: string | null;
  readonly registered_at: string | null;
  readonly closed_at: string | null;
  readonly merged_into: string | null;
}

const COLUMNS = Object.values(ROLLUP_DIMENSIONS);
const GRAIN_NAME = `concat_ws('+', ${Object.entries(ROLLUP_DIMENSIONS)
  .map(([name, column]) => `CASE WHEN GROUPING(${column}) = 0 THEN '${name}' END`)
  .join(', ')})`;
const GRAINS = `GROUPING SETS (${ROLLUP_GRAINS.map(
  (grain) => `(${grain.map((name) => ROLLUP_DIMENSIONS[name]).join(', ')})`,
).join(', ')})`;

/**
 * Keeps `beneficiary_rollup` equal to what `beneficiary_fact` holds: the projector reads the
 * beneficiaries of a batch before and after applying it and adds the difference, in its
 * transaction; the rebuild and the bench fill it from the facts in one statement.
 */
@Injectable()
export class BeneficiaryRollupRepository {
  /** Holds these beneficiaries against concurrent projectors until commit, then reads them. */
  async lockAndRead(
    em: EntityManager,
    tables: TableNames,
    beneficiaryIds: readonly string[],
  ): Promise<RollupFacts[]> {
    // Sorted, so that two batches sharing beneficiaries take their locks in the same order.
    await em.query(
      'SELECT pg_advisory_xact_lock(hashtextextended(id::text, 0)) FROM unnest($1::uuid[]) AS id',
      [[...beneficiaryIds].sort()],
    );
    return this.read(em, tables, beneficiaryIds);
  }

  async read(
    em: EntityManager,
    tables: TableNames,
    beneficiaryIds: readonly string[],
  ): Promise<RollupFacts[]> {
    return em.query(
      `SELECT beneficiary_id, owner_org, category, sex, birth_year, nationality, region_code,
              programme_code, registered_at::text, closed_at::text, merged_into
         FROM ${tables('beneficiary_fact')}
        WHERE beneficiary_id = ANY($1::uuid[])`,
      [beneficiaryIds],
    );
  }

  /** Removes what the changed beneficiaries contributed before and adds what they do now. */
  async applyChange(
    em: EntityManager,
    tables: TableNames,
    before: readonly RollupFacts[],
    after: readonly RollupFacts[],
  ): Promise<void> {
    const previous = new Map(before.map((facts) => [facts.beneficiary_id, JSON.stringify(facts)]));
    const changed = after.filter(
      (facts) => previous.get(facts.beneficiary_id) !== JSON.stringify(facts),
    );
    if (changed.length === 0) return;
    const ids = new Set(changed.map((facts) => facts.beneficiary_id));
    const rows = [
      ...before
        .filter((facts) => ids.has(facts.beneficiary_id))
        .map((facts) => ({ facts, sign: -1 })),
      ...changed.map((facts) => ({ facts, sign: 1 })),
    ];
    const column = <K extends keyof RollupFacts>(key: K) => rows.map(({ facts }) => facts[key]);
    await this.add(
      em,
      tables,
      `unnest($1::int[], $2::text[], $3::text[], $4::text[], $5::int[], $6::text[], $7::text[],
              $8::text[], $9::timestamptz[], $10::timestamptz[], $11::uuid[])
         AS f(sign, owner_org, category, sex, birth_year, nationality, region_code, programme_code,
              registered_at, closed_at, merged_into)`,
      [
        rows.map(({ sign }) => sign),
        column('owner_org'),
        column('category'),
        column('sex'),
        column('birth_year'),
        column('nationality'),
        column('region_code'),
        column('programme_code'),
        column('registered_at'),
        column('closed_at'),
        column('merged_into'),
      ],
    );
    // A zero row is a cell that no longer exists: gone, as a fill from the facts would leave it.
    await em.query(`DELETE FROM ${tables('beneficiary_rollup')} WHERE people = 0`);
  }

  /** Fills an empty roll-up from every beneficiary fact. */
  async fill(em: EntityManager, tables: TableNames): Promise<void> {
    await this.add(em, tables, `(SELECT *, 1 AS sign FROM ${tables('beneficiary_fact')}) AS f`, []);
  }

  // Each fact row counts once per measure it has a time for; the finest cells are summed first
  // so that the grouping sets hash those few rows rather than every fact once per grain.
  private async add(
    em: EntityManager,
    tables: TableNames,
    facts: string,
    params: unknown[],
  ): Promise<void> {
    await em.query(
      `INSERT INTO ${tables('beneficiary_rollup')} AS rollup
         (measure, grain, month, ${COLUMNS.join(', ')}, people)
       SELECT measure, ${GRAIN_NAME}, month, ${COLUMNS.join(', ')}, sum(people)::int
         FROM (SELECT c.measure, date_trunc('month', c.at AT TIME ZONE 'UTC')::date AS month,
                      f.sex, ${ageBandSql('f.birth_year', 'c.aged_at')} AS age_band,
                      f.nationality, f.category, f.region_code, f.programme_code, f.owner_org,
                      sum(f.sign) AS people
                 FROM ${facts}
                 CROSS JOIN LATERAL (VALUES
                   ('registered', f.registered_at, f.registered_at),
                   ('closed', f.closed_at, f.closed_at),
                   ('ended', CASE WHEN f.closed_at IS NOT NULL
                                  THEN greatest(f.registered_at, f.closed_at) END, f.registered_at)
                 ) AS c(measure, at, aged_at)
                WHERE f.merged_into IS NULL AND f.registered_at IS NOT NULL AND c.at IS NOT NULL
                GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9) AS cell
        GROUP BY measure, month, ${GRAINS}
       HAVING sum(people) <> 0
        -- One order for every writer, so two batches sharing cells cannot deadlock on them.
        ORDER BY 1, 2, 3, 4, 5, 6, 7, 8, 9, 10
       ON CONFLICT (measure, grain, month, ${COLUMNS.join(', ')})
       DO UPDATE SET people = rollup.people + EXCLUDED.people`,
      params,
    );
  }
}
