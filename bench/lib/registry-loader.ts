import { performance } from 'node:perf_hooks';
import { uuidv7 } from '@mrm/contracts';
import { Pool } from 'pg';
import { BeneficiaryEntity } from '../../apps/registration/src/beneficiaries/beneficiary.entity';
import { draftFromRequest } from '../../apps/registration/src/beneficiaries/beneficiary-input';
import type { RegisterBeneficiaryRequestDto } from '../../apps/registration/src/beneficiaries/dto/register-beneficiary.request.dto';
import { registrationRequest, sampleBeneficiaries } from './http-load';
import { devProtection, registrationMetadata } from './raw-registration';

/** Institutions of the loaded records: half IOM (the searching case worker's), half others. */
const OTHER_ORGS = ['ENTRAIDE', 'ANAPEC', 'OFPPT'];
const BATCH = 1000;
const PARALLEL_WRITES = 2;

export interface LoadedRegistry {
  readonly rows: number;
  readonly searchKeys: number;
  readonly seconds: number;
  /** Request indexes of the loaded people owned by IOM (visible to an IOM case worker). */
  readonly iomIndexes: number[];
}

/** Institution of the `position`-th loaded record. */
export function loadedOwner(position: number): string {
  return position % 2 === 0 ? 'IOM' : OTHER_ORGS[(position >> 1) % OTHER_ORGS.length];
}

/**
 * Loads `count` valid beneficiaries straight into a migrated registration database: the people of
 * `registrationRequest(…, firstIndex + i)` normalised, encrypted and blind-indexed by the
 * service's own code with its development keys (so the API finds and decrypts them), registered
 * over the past year, with their search keys. Multi-row INSERTs built from the entity metadata,
 * `PARALLEL_WRITES` batches in flight while the next is prepared; no outbox or audit rows (the
 * registry existed before the benchmark). Ends with ANALYZE, as autovacuum would.
 */
export async function loadRegistry(input: {
  url: string;
  count: number;
  firstIndex: number;
}): Promise<LoadedRegistry> {
  const started = performance.now();
  const { protector, searchKeys } = devProtection();
  const samples = sampleBeneficiaries(2000, 11);
  const metadataSource = await registrationMetadata(input.url);
  const metadata = metadataSource.getMetadata(BeneficiaryEntity);
  const driver = metadataSource.driver;
  const columns = metadata.columns.filter((column) => column.isInsert);
  const columnList = columns.map((column) => driver.escape(column.databaseName)).join(', ');
  const pool = new Pool({ connectionString: input.url, max: PARALLEL_WRITES });
  const yearMs = 365 * 24 * 3600 * 1000;
  const start = Date.now() - yearMs;
  const step = yearMs / input.count;
  const iomIndexes: number[] = [];
  let keyCount = 0;
  const inFlight = new Set<Promise<void>>();
  let failure: Error | undefined;
  try {
    for (let offset = 0; offset < input.count; offset += BATCH) {
      const size = Math.min(BATCH, input.count - offset);
      const params: unknown[] = [];
      const tuples: string[] = [];
      const keyIds: string[] = [];
      const keyKinds: string[] = [];
      const keyHashes: string[] = [];
      for (let position = offset; position < offset + size; position += 1) {
        const index = input.firstIndex + position;
        const draft = draftFromRequest(
          registrationRequest(samples, index) as unknown as RegisterBeneficiaryRequestDto,
        );
        const createdAt = new Date(Math.floor(start + position * step));
        const id = uuidv7(createdAt.getTime());
        const ownerOrg = loadedOwner(position);
        if (ownerOrg === 'IOM') iomIndexes.push(index);
        const { personal, ...clear } = draft;
        const entity = {
          ...clear,
          ...protector.seal(id, personal),
          id,
          reference: `MA-2025-${String(position + 1).padStart(6, '0')}`,
          ownerOrg,
          createdBy: 'bench-loader',
          status: 'registered',
          version: 1,
          createdAt,
          updatedAt: createdAt,
        };
        tuples.push(
          `(${columns
            .map((column) => {
              const value: unknown = column.getEntityValue(entity);
              if (value === undefined) return 'DEFAULT';
              params.push(driver.preparePersistentValue(value, column));
              return `$${params.length}`;
            })
            .join(', ')})`,
        );
        for (const key of searchKeys.keysFor(personal)) {
          keyIds.push(id);
          keyKinds.push(key.kind);
          keyHashes.push(key.hash);
        }
      }
      keyCount += keyIds.length;
      const write = (async () => {
        await pool.query(
          `INSERT INTO beneficiary (${columnList}) VALUES ${tuples.join(', ')}`,
          params,
        );
        await pool.query(
          `INSERT INTO beneficiary_search_key (beneficiary_id, kind, hash)
           SELECT * FROM unnest($1::uuid[], $2::text[], $3::text[]) ON CONFLICT DO NOTHING`,
          [keyIds, keyKinds, keyHashes],
        );
      })().then(
        () => undefined,
        (error: unknown) => {
          failure ??= error instanceof Error ? error : new Error(String(error));
        },
      );
      inFlight.add(write);
      void write.finally(() => inFlight.delete(write));
      if (inFlight.size >= PARALLEL_WRITES) await Promise.race(inFlight);
      if (failure) throw failure;
    }
    await Promise.all(inFlight);
    if (failure) throw failure;
    await pool.query(`SELECT setval('beneficiary_reference_seq', $1)`, [input.count]);
    await pool.query('ANALYZE beneficiary');
    await pool.query('ANALYZE beneficiary_search_key');
  } finally {
    await Promise.allSettled([...inFlight]);
    await pool.end();
    await metadataSource.destroy();
  }
  return {
    rows: input.count,
    searchKeys: keyCount,
    seconds: (performance.now() - started) / 1000,
    iomIndexes,
  };
}
