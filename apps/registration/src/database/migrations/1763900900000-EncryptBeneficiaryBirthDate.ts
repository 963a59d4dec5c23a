import { FieldCipher, parseKeyring } from '@mrm/protection';
import { loadConfig } from '@mrm/runtime';
import type { MigrationInterface, QueryRunner } from 'typeorm';
import { protectionKeysFrom } from '../../data-protection/protection-keys';
import { RegistrationConfig } from '../../registration.config';

// Rows converted per statement: bounded memory on a registry of millions.
const BATCH = 1000;

/**
 * Issue #18 item 8: the exact birth date is personal data; it moves to `birth_date_enc` (AES-GCM
 * token bound to its row, AAD `beneficiary:<id>:birthDate`, as BeneficiaryProtector writes it).
 * `birth_year` stays clear as the statistical dimension. Existing dates are encrypted here with
 * the service's keyring from the environment (the migrate Job has the service's secrets).
 */
export class EncryptBeneficiaryBirthDate1763900900000 implements MigrationInterface {
  name = 'EncryptBeneficiaryBirthDate1763900900000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE beneficiary ADD COLUMN birth_date_enc text NULL');
    let cipher: FieldCipher | undefined;
    for (;;) {
      const rows = (await queryRunner.query(
        `SELECT id, to_char(birth_date, 'YYYY-MM-DD') AS birth_date FROM beneficiary
          WHERE birth_date IS NOT NULL AND birth_date_enc IS NULL ORDER BY id LIMIT ${BATCH}`,
      )) as Array<{ id: string; birth_date: string }>;
      if (rows.length === 0) break;
      cipher ??= cipherFromEnvironment();
      await queryRunner.query(
        `UPDATE beneficiary b SET birth_date_enc = v.token
           FROM unnest($1::uuid[], $2::text[]) AS v(id, token) WHERE b.id = v.id`,
        [
          rows.map((row) => row.id),
          rows.map((row) => cipher!.encrypt(row.birth_date, `beneficiary:${row.id}:birthDate`)),
        ],
      );
    }
    await queryRunner.query('ALTER TABLE beneficiary DROP COLUMN birth_date');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE beneficiary ADD COLUMN birth_date date NULL');
    const rows = (await queryRunner.query(
      'SELECT id, birth_date_enc AS token FROM beneficiary WHERE birth_date_enc IS NOT NULL',
    )) as Array<{ id: string; token: string }>;
    const cipher = rows.length > 0 ? cipherFromEnvironment() : undefined;
    for (const row of rows) {
      await queryRunner.query('UPDATE beneficiary SET birth_date = $2::date WHERE id = $1', [
        row.id,
        cipher!.decrypt(row.token, `beneficiary:${row.id}:birthDate`),
      ]);
    }
    await queryRunner.query('ALTER TABLE beneficiary DROP COLUMN birth_date_enc');
  }
}

// Loaded only when there are dates to convert: a fresh database needs no key.
function cipherFromEnvironment(): FieldCipher {
  const keys = protectionKeysFrom(loadConfig(RegistrationConfig, 'registration', process.env));
  return new FieldCipher({ keys: parseKeyring(keys.keyring), activeKeyId: keys.activeKeyId });
}
