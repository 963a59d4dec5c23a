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
    const updateActor = await refusal(service.query(`UPDATE audit_entry SET actor_sub = 'x'`));
    const remove = await refusal(service.query('DELETE FROM audit_entry'));
    const truncate = await refusal(service.query('TRUNCATE audit_entry'));

    expect(inserted).toBe('accepted');
    // The free-text columns are granted for the erasure's scrub, which the trigger alone allows.
    expect([update, updateActor, remove, truncate]).toEqual([
      '42501 trigger',
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

  describe('the one change allowed: scrubbing the free text of an erased person’s entries', () => {
    const erasedId = '0193a3c4-5f1e-7d2a-9b8c-0000000000e1';
    const liveId = '0193a3c4-5f1e-7d2a-9b8c-0000000000a1';
    const entryOf: Record<string, string> = {
      [erasedId]: '0193a3c4-5f1e-7d2a-9b8c-00000000e0e1',
      [liveId]: '0193a3c4-5f1e-7d2a-9b8c-00000000e0a1',
    };
    const override = {
      duplicateOverride: { reason: 'Fatima B. says she never came', candidateIds: [] },
    };
    const entry = async (id: string) =>
      (
        await admin.query(`SELECT actor_sub, reason, details FROM audit_entry WHERE id = $1`, [
          entryOf[id],
        ])
      )[0] as { actor_sub: string; reason: string; details: typeof override };

    beforeAll(async () => {
      for (const [id, erased] of [
        [erasedId, true],
        [liveId, false],
      ] as const) {
        await admin.query(
          `INSERT INTO beneficiary (id, reference, owner_org, category, sex, birth_year,
                                    nationality, region_code, version, erased_at)
           VALUES ($1, $2, 'IOM', 'returning-moroccan', 'female', 1990, 'MA', '05', 1, $3)`,
          [id, `TEST-${id.slice(-2)}`, erased ? new Date() : null],
        );
        await service.query(
          `INSERT INTO audit_entry (id, actor_sub, actor_org, action, resource_type, resource_ids,
                                    reason, details)
           VALUES ($1, 'cw-1', 'IOM', 'create', 'beneficiary', ARRAY[$2]::uuid[],
                   'Mme Fatima Benali called', $3)`,
          [entryOf[id], id, override],
        );
      }
    });

    it('lets the service role replace the reasons with the marker, on an erased person’s entry only', async () => {
      const scrub = (id: string) =>
        refusal(
          service.query(
            `UPDATE audit_entry SET reason = audit_entry_scrubbed_reason(reason),
                    details = audit_entry_scrubbed_details(details) WHERE id = $1`,
            [entryOf[id]],
          ),
        );

      expect(await scrub(liveId)).toBe('42501 trigger');
      expect(await scrub(erasedId)).toBe('accepted');
      expect(await entry(erasedId)).toEqual({
        actor_sub: 'cw-1',
        reason: 'record erased',
        details: { duplicateOverride: { reason: 'record erased', candidateIds: [] } },
      });
      expect((await entry(liveId)).reason).toBe('Mme Fatima Benali called');
    });

    it('refuses any other text, even on an erased person’s entry, to a superuser too', async () => {
      const rewrite = (dataSource: DataSource, sql: string) =>
        refusal(dataSource.query(sql, [entryOf[erasedId]]));

      const results = [
        await rewrite(service, `UPDATE audit_entry SET reason = 'nothing happened' WHERE id = $1`),
        await rewrite(service, `UPDATE audit_entry SET details = '{}' WHERE id = $1`),
        await rewrite(admin, `UPDATE audit_entry SET reason = NULL WHERE id = $1`),
        await rewrite(admin, `UPDATE audit_entry SET actor_sub = 'someone' WHERE id = $1`),
        await rewrite(admin, `DELETE FROM audit_entry WHERE id = $1`),
      ];

      expect(results).toEqual(Array(5).fill('42501 trigger'));
    });
  });
});
