import { Injectable } from '@nestjs/common';
import { FieldCipher } from '@mrm/protection';
import { DataSource, type EntityManager } from 'typeorm';
import { BIRTH_DATE_FIELD, BeneficiaryProtector } from './beneficiary.protector';
import { BeneficiaryEntity } from './beneficiary.entity';
import { SearchKeysService } from './search-keys.service';

export interface ReencryptionOptions {
  /** Beneficiaries per transaction. */
  readonly batchSize: number;
  /** Also recompute every blind index (after REGISTRATION_BLIND_INDEX_KEY changed). */
  readonly reindex: boolean;
  /** Resume the blind-index pass after this beneficiary id (printed after each batch). */
  readonly after?: string;
  /** Stop after this many batches (a time-boxed run; the next run carries on). */
  readonly maxBatches?: number;
  readonly onBatch?: (progress: ReencryptionProgress) => void;
}

export interface ReencryptionProgress {
  readonly pass: 'reencrypt' | 'reindex';
  readonly rows: number;
  readonly lastId: string;
}

export interface ReencryptionReport {
  readonly activeKeyId: string;
  readonly reencrypted: number;
  readonly reindexed: number;
  /** Last beneficiary of the blind-index pass: `--after` for the next run when not complete. */
  readonly lastId: string | null;
  /** Tokens still under another key: 0 everywhere before an old key may leave the keyring. */
  readonly remaining: { readonly beneficiaries: number; readonly idempotencyRecords: number };
  readonly complete: boolean;
}

const COLUMNS = [
  ['names_enc', 'names'],
  ['phone_enc', 'phone'],
  ['address_enc', 'address'],
  ['documents_enc', 'documents'],
  ['vulnerabilities_enc', 'vulnerabilities'],
  ['birth_date_enc', BIRTH_DATE_FIELD],
] as const;

type EncryptedRow = { id: string } & Record<(typeof COLUMNS)[number][0], string | null>;

// A token is v1.<key id>.<iv>.<ciphertext>.<tag>: the key id is readable without decrypting, so
// the rows still to do are found by SQL, and a restarted run simply finds fewer.
const NOT_UNDER_ACTIVE = COLUMNS.map(([column]) => `split_part(${column}, '.', 2) <> $1`).join(
  ' OR ',
);

/**
 * After a key rotation: rewrites every encrypted column of every beneficiary under the active key
 * and, with `reindex`, recomputes every blind index under the current blind-index key. Runs in
 * batches of short transactions beside the live service (rows are locked one batch at a time);
 * both passes are idempotent and resumable. Run by `npm run reencrypt` and the re-encryption Job
 * (docs/operations/key-rotation.md).
 */
@Injectable()
export class ReencryptionService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly cipher: FieldCipher,
    private readonly protector: BeneficiaryProtector,
    private readonly searchKeys: SearchKeysService,
  ) {}

  async run(options: ReencryptionOptions): Promise<ReencryptionReport> {
    const activeKeyId = this.cipher.activeKeyId;
    let batches = 0;
    const budgetLeft = () => options.maxBatches === undefined || batches < options.maxBatches;

    let reencrypted = 0;
    while (budgetLeft()) {
      const rows = await this.dataSource.transaction((em) => this.reencryptBatch(em, options));
      if (rows.length === 0) break;
      batches++;
      reencrypted += rows.length;
      options.onBatch?.({ pass: 'reencrypt', rows: rows.length, lastId: rows[rows.length - 1] });
    }

    let reindexed = 0;
    let lastId: string | null = options.after ?? null;
    let reindexDone = !options.reindex;
    while (options.reindex && budgetLeft()) {
      const after = lastId;
      const ids = await this.dataSource.transaction((em) => this.reindexBatch(em, after, options));
      if (ids.length === 0) {
        reindexDone = true;
        break;
      }
      batches++;
      reindexed += ids.length;
      lastId = ids[ids.length - 1];
      options.onBatch?.({ pass: 'reindex', rows: ids.length, lastId });
    }

    const remaining = await this.remaining(activeKeyId);
    return {
      activeKeyId,
      reencrypted,
      reindexed,
      lastId: options.reindex ? lastId : null,
      remaining,
      complete: reindexDone && remaining.beneficiaries === 0,
    };
  }

  private async reencryptBatch(em: EntityManager, options: ReencryptionOptions): Promise<string[]> {
    const rows: EncryptedRow[] = await em.query(
      `SELECT id, ${COLUMNS.map(([column]) => column).join(', ')} FROM beneficiary
        WHERE ${NOT_UNDER_ACTIVE} ORDER BY id LIMIT $2 FOR UPDATE`,
      [this.cipher.activeKeyId, options.batchSize],
    );
    for (const row of rows) {
      // The same AAD as BeneficiaryProtector: a token stays bound to its row and field.
      const tokens = COLUMNS.map(([column, field]) =>
        this.cipher.reencrypt(row[column], `beneficiary:${row.id}:${field}`),
      );
      await em.query(
        `UPDATE beneficiary SET ${COLUMNS.map(([column], i) => `${column} = $${i + 2}`).join(', ')}
          WHERE id = $1`,
        [row.id, ...tokens],
      );
    }
    return rows.map((row) => row.id);
  }

  private async reindexBatch(
    em: EntityManager,
    after: string | null,
    options: ReencryptionOptions,
  ): Promise<string[]> {
    const entities = await em
      .getRepository(BeneficiaryEntity)
      .createQueryBuilder('b')
      .where('b.erasedAt IS NULL')
      .andWhere(after ? 'b.id > :after' : 'TRUE', { after })
      .orderBy('b.id')
      .limit(options.batchSize)
      .setLock('pessimistic_write')
      .getMany();
    for (const entity of entities) {
      const personal = this.protector.open(entity);
      await this.searchKeys.replaceKeys(em, entity.id, this.searchKeys.keysFor(personal));
    }
    return entities.map((entity) => entity.id);
  }

  private async remaining(activeKeyId: string): Promise<ReencryptionReport['remaining']> {
    const [beneficiaries]: Array<{ n: number }> = await this.dataSource.query(
      `SELECT count(*)::int AS n FROM beneficiary WHERE ${NOT_UNDER_ACTIVE}`,
      [activeKeyId],
    );
    // Idempotent responses are kept until they expire (hours): they are not rewritten, the
    // runbook waits for them instead.
    const [records]: Array<{ n: number }> = await this.dataSource.query(
      `SELECT count(*)::int AS n FROM idempotency_record
        WHERE split_part(response_body, '.', 2) <> $1 AND expires_at > now()`,
      [activeKeyId],
    );
    return { beneficiaries: beneficiaries.n, idempotencyRecords: records.n };
  }
}
