import type { DataSource } from 'typeorm';

// Written by consumers of the bus on their own schedule, not by the request being checked.
const ASYNC_TABLES = ['inbox_message', 'schema_migration'];

/** Row counts of every table of a service's database, in one statement: what a request changed. */
export async function tableCounts(dataSource: DataSource): Promise<Record<string, number>> {
  const tables: Array<{ name: string }> = await dataSource.query(
    `SELECT table_name AS name FROM information_schema.tables
      WHERE table_schema = 'public' AND table_type = 'BASE TABLE' AND NOT table_name = ANY($1)
      ORDER BY table_name`,
    [ASYNC_TABLES],
  );
  if (tables.length === 0) return {};
  const rows: Array<{ name: string; n: number }> = await dataSource.query(
    tables
      .map(({ name }) => `SELECT '${name}' AS name, count(*)::int AS n FROM "${name}"`)
      .join(' UNION ALL '),
  );
  return Object.fromEntries(rows.map(({ name, n }) => [name, n]));
}
