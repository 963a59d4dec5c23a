import { DataSource } from 'typeorm';

// One lock id for every service: each service has its own database, so it only serialises
// replicas of the same service that start at the same moment.
const MIGRATION_LOCK_ID = 727_150_001;

// Every role may CONNECT to a new database (PostgreSQL's default grant to PUBLIC): revoked, so
// that a service's credentials open its own database only. The owner keeps its rights; a role
// that does not own the database gets a warning, not an error.
const REVOKE_PUBLIC = `DO $$ BEGIN
  EXECUTE format('REVOKE CONNECT, TEMPORARY ON DATABASE %I FROM PUBLIC', current_database());
END $$`;

/**
 * Runs pending migrations while holding a session advisory lock, so two replicas starting together
 * do not run the same migration twice, then revokes CONNECT from PUBLIC on the database. Returns
 * the names of the migrations applied.
 */
export async function runMigrationsWithLock(dataSource: DataSource): Promise<string[]> {
  const runner = dataSource.createQueryRunner();
  await runner.connect();
  try {
    await runner.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_ID]);
    const applied = await dataSource.runMigrations({ transaction: 'each' });
    await runner.query(REVOKE_PUBLIC);
    return applied.map((migration) => migration.name);
  } finally {
    await runner.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_ID]).catch(() => undefined);
    await runner.release();
  }
}
