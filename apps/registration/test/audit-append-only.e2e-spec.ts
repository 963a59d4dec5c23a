import { randomBytes } from 'node:crypto';
import { buildDataSourceOptions } from '@mrm/persistence';
import { TestDatabase } from '@mrm/testing';
import { DataSource } from 'typeorm';
import { REGISTRATION_ENTITIES, REGISTRATION_MIGRATIONS } from '../src/database/schema';

// Issue 18 item 8: the audit trail is append-only for the service's own database role. The local
// PostgreSQL user is a superuser (privileges do not apply to it), so this file creates a login
// role that owns the database and runs the migrations, as the service's role does in deployment.
describe('audit_entry is append-only', () => {
  const role = `mrm_test_audit_${randomBytes(4).toString('hex')}`;
  let database: TestDatabase;
  let admin: DataSource;
  let service: DataSource;

  const connect = async (url: string) => {
    const dataSource = new DataSource(
      buildDataSourceOptions({
        url,
        entities: REGISTRATION_ENTITIES,
        migrations: REGISTRATION_MIGRATIONS,
        poolSize: 1,
      }),
    );
    return dataSource.initialize();
  };
  // Which guard refused: the revoked privilege or the trigger (both SQLSTATE 42501).
  const refusal = (promise: Promise<unknown>) =>
    promise.then(
      () => 'accepted',
      (error: { code?: string; message: string }) =>
        `${error.code} ${/append-only/.test(error.message) ? 'trigger' : 'privilege'}`,
    );

  beforeAll(async () => {
    database = await TestDatabase.create('audit_append_only');
    admin = await connect(database.url);
    await admin.query(`CREATE ROLE ${role} LOGIN`);
    await admin.query(`ALTER DATABASE ${database.name} OWNER TO ${role}`);
    const asRole = new URL(database.url);
    asRole.username = role;
    asRole.password = '';
    service = await connect(asRole.toString());
    await service.runMigrations({ transaction: 'each' });
    await service.query(
      `INSERT INTO audit_entry (id, actor_sub, actor_org, action, resource_type)
       VALUES ('0193a3c4-5f1e-7d2a-9b8c-1234567890ab', 'cw-1', 'IOM', 'read', 'beneficiary')`,
    );
  });

  afterAll(async () => {
    await service?.destroy();
    await admin?.destroy();
    await database?.drop();
    // The role is cluster-wide: drop it once its database is gone.
    const cleanup = await connect(database.url.replace(/\/[^/]+$/, '/postgres'));
    await cleanup.query(`DROP ROLE IF EXISTS ${role}`);
    await cleanup.destroy();
  });

  it('lets the service role insert and read, never update, delete or truncate', async () => {
    const inserted = await refusal(
      service.query(
        `INSERT INTO audit_entry (id, actor_sub, actor_org, action, resource_type)
         VALUES ('0193a3c4-5f1e-7d2a-9b8c-1234567890ac', 'cw-1', 'IOM', 'search', 'beneficiary')`,
      ),
    );
    const update = await refusal(service.query(`UPDATE audit_entry SET reason = 'rewritten'`));
    const remove = await refusal(service.query('DELETE FROM audit_entry'));
    const truncate = await refusal(service.query('TRUNCATE audit_entry'));

    expect(inserted).toBe('accepted');
    expect([update, remove, truncate]).toEqual([
      '42501 privilege',
      '42501 privilege',
      '42501 privilege',
    ]);
    const [{ n }] = await service.query('SELECT count(*)::int AS n FROM audit_entry');
    expect(n).toBe(2);
  });

  it('refuses changes even to a superuser, through the trigger', async () => {
    const update = await refusal(admin.query(`UPDATE audit_entry SET reason = 'rewritten'`));
    const remove = await refusal(admin.query('DELETE FROM audit_entry'));
    const truncate = await refusal(admin.query('TRUNCATE audit_entry'));

    expect([update, remove, truncate]).toEqual(['42501 trigger', '42501 trigger', '42501 trigger']);
    const rows = await admin.query(`SELECT reason FROM audit_entry WHERE reason IS NOT NULL`);
    expect(rows).toEqual([]);
  });
});
