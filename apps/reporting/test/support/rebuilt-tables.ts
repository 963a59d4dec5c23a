import type { INestApplication } from '@nestjs/common';
import { waitFor } from '@mrm/testing';
import { DataSource } from 'typeorm';
import { REBUILT_TABLES } from '../../src/projections/fact-tables';
import { RollupCompactor } from '../../src/rollups/rollup-compactor';

/** Every table the rebuild replaces, row by row in a fixed order, to compare two moments. */
export async function rebuiltTables(app: INestApplication): Promise<Record<string, unknown>> {
  // Pending deltas folded first: which table holds a delta depends on the compactor's timing.
  const compactor = app.get(RollupCompactor);
  await waitFor(async () => (await compactor.compactOnce()) === 'done', {
    what: 'a roll-up compaction of our own',
  });
  const db = app.get(DataSource);
  const tables: Record<string, unknown> = {};
  for (const table of REBUILT_TABLES) {
    tables[table] = await db.query(`SELECT * FROM ${table} AS t ORDER BY t::text`);
  }
  return tables;
}
