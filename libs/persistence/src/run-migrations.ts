import { DataSource } from 'typeorm';

// One lock id for every service: each service has its own database, so it only serialises
// replicas of the same service that start at the same moment.
const MIGRATION_LOCK_ID = 727_150_001;

/**
 * Runs pending migrations while holding a session advisory lock, so two replicas starting together
 * do not run the same migration twice. Returns the names of the migrations applied.
 */
export async function runMigrationsWithLock(dataSource: DataSource): Promise<string[]> {
  const runner = dataSource.createQueryRunner();
  await runner.connect();
  try {
    await runner.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_ID]);
    const applied = await dataSource.runMigrations({ transaction: 'each' });
    return applied.map((migration) => migration.name);
  } finally {
    await runner.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_ID]).catch(() => undefined);
    await runner.release();
  }
}
