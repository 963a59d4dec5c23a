import { TestDatabase } from '@mrm/testing';
import { DataSource } from 'typeorm';
import { runMigrationsWithLock } from '../src/run-migrations';

// Isolation between services: after the migrate step no role but the owner (and superusers) may
// connect to a service's database; PostgreSQL grants CONNECT to PUBLIC by default.
describe('migrate step revokes CONNECT from PUBLIC', () => {
  let database: TestDatabase;
  let dataSource: DataSource;

  beforeAll(async () => {
    database = await TestDatabase.create('revoke_public');
    dataSource = new DataSource({ type: 'postgres', url: database.url, migrations: [] });
    await dataSource.initialize();
  });

  afterAll(async () => {
    await dataSource?.destroy();
    await database?.drop();
  });

  it('leaves PUBLIC without CONNECT or TEMPORARY on the database, idempotently', async () => {
    const publicMay = async () =>
      (
        await dataSource.query<Array<{ connect: boolean; temporary: boolean }>>(
          `SELECT has_database_privilege('public', current_database(), 'CONNECT') AS connect,
                  has_database_privilege('public', current_database(), 'TEMPORARY') AS temporary`,
        )
      )[0];
    expect(await publicMay()).toEqual({ connect: true, temporary: true });

    await runMigrationsWithLock(dataSource);
    await runMigrationsWithLock(dataSource);

    expect(await publicMay()).toEqual({ connect: false, temporary: false });
  });
});
