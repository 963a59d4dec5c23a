import { FieldCipher, parseKeyring } from '@mrm/protection';
import { buildDataSourceOptions } from '@mrm/persistence';
import { TestDatabase } from '@mrm/testing';
import { DataSource } from 'typeorm';
import { EncryptBeneficiaryBirthDate1763900900000 } from '../src/database/migrations/1763900900000-EncryptBeneficiaryBirthDate';
import { REGISTRATION_ENTITIES, REGISTRATION_MIGRATIONS } from '../src/database/schema';
import { DEV_ENCRYPTION_KEYS } from '../src/registration.config';

// Issue 18 item 8: the migration that moves the exact birth date into `birth_date_enc` converts
// the rows already there, readable with the service's key and bound to their row.
describe('birth date encryption migration', () => {
  let database: TestDatabase;
  let dataSource: DataSource;
  const id = '0193a3c4-5f1e-7d2a-9b8c-1234567890ab';
  // The migrations before the encryption, then the encryption alone (later ones may follow it).
  const encryption = REGISTRATION_MIGRATIONS.indexOf(EncryptBeneficiaryBirthDate1763900900000);
  const cipher = new FieldCipher({ keys: parseKeyring(DEV_ENCRYPTION_KEYS), activeKeyId: 'dev1' });

  beforeAll(async () => {
    database = await TestDatabase.create('birth_date_encryption');
    dataSource = await new DataSource(
      buildDataSourceOptions({
        url: database.url,
        entities: REGISTRATION_ENTITIES,
        migrations: REGISTRATION_MIGRATIONS.slice(0, encryption),
        poolSize: 1,
      }),
    ).initialize();
    await dataSource.runMigrations({ transaction: 'each' });
  });

  afterAll(async () => {
    await dataSource?.destroy();
    await database?.drop();
  });

  it('encrypts every existing birth date and keeps the year in clear', async () => {
    await dataSource.query(
      `INSERT INTO beneficiary (id, reference, owner_org, category, sex, birth_date, birth_year,
         nationality, region_code, version)
       VALUES ($1, 'MA-2026-000001', 'IOM', 'returning-moroccan', 'female', '1987-09-14', 1987,
         'MA', '05', 1)`,
      [id],
    );

    await dataSource.destroy();
    dataSource = await new DataSource(
      buildDataSourceOptions({
        url: database.url,
        entities: REGISTRATION_ENTITIES,
        migrations: REGISTRATION_MIGRATIONS.slice(0, encryption + 1),
        poolSize: 1,
      }),
    ).initialize();
    const applied = await dataSource.runMigrations({ transaction: 'each' });

    expect(applied.map((migration) => migration.name)).toEqual([
      new EncryptBeneficiaryBirthDate1763900900000().name,
    ]);
    const columns = await dataSource.query<Array<{ column_name: string }>>(
      `SELECT column_name FROM information_schema.columns
        WHERE table_name = 'beneficiary' AND column_name LIKE 'birth%' ORDER BY column_name`,
    );
    expect(columns.map((column) => column.column_name)).toEqual([
      'birth_date_enc',
      'birth_year',
      'birth_year_estimated',
    ]);
    const [row] = await dataSource.query<Array<{ birth_date_enc: string; birth_year: number }>>(
      'SELECT birth_date_enc, birth_year FROM beneficiary WHERE id = $1',
      [id],
    );
    expect(row.birth_date_enc).toMatch(/^v1\.dev1\./);
    expect(row.birth_year).toBe(1987);
    expect(cipher.decrypt(row.birth_date_enc, `beneficiary:${id}:birthDate`)).toBe('1987-09-14');
  });
});
