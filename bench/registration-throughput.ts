import { createCipheriv, randomBytes, randomUUID } from 'node:crypto';
import { beneficiaryRegisteredV1, uuidv7 } from '@mrm/contracts';
import { contractSubjectOf, OUTBOX_CHANNEL } from '@mrm/messaging';
import { migrateService } from '@mrm/runtime';
import { Client, Pool } from 'pg';
import {
  REGISTRATION_ENTITIES,
  REGISTRATION_MIGRATIONS,
} from '../apps/registration/src/database/schema';
import {
  caseWorkerAuthorization,
  closedLoop,
  KeepAliveClient,
  REGISTER_PATH,
  registrationBody,
  sampleBeneficiaries,
  type ClosedLoopResult,
} from './lib/http-load';
import { ServiceProcess } from './lib/service-process';
import { envInt, fmtMs, fmtRate, summarise, type LatencySummary } from './lib/stats';
import type { BenchResources } from './lib/substrate';

export const CONCURRENCY = envInt('BENCH_API_CONCURRENCY', 32);
const DURATION_MS = envInt('BENCH_API_SECONDS', 10) * 1000;
const WARMUP_MS = envInt('BENCH_API_WARMUP_SECONDS', 3) * 1000;
/** Each side runs in this many alternating slices, so a change of background load hits both. */
const SLICES = 2;
/** Same as the service's default DATABASE_POOL_SIZE, so both sides get as many connections. */
export const RAW_POOL_SIZE = envInt('BENCH_RAW_POOL_SIZE', 10);

export interface ThroughputFigures {
  readonly ratePerSecond: number;
  readonly latency: LatencySummary;
  readonly ok: number;
  readonly errors: number;
  readonly seconds: number;
  readonly firstError?: string;
}

export interface RegistrationThroughputResult {
  readonly api: ThroughputFigures;
  readonly raw: ThroughputFigures;
  /** Outbox rows the service had not published when the last API slice ended. */
  readonly outboxBacklogAfterRun: number;
  /** CPU ms per request used by the registration process (its relay included). */
  readonly serviceCpuMsPerRequest: number;
  /** CPU ms per request used by this process generating the HTTP load. */
  readonly loadGeneratorCpuMsPerRequest: number;
  /** CPU ms per transaction used by this process in the raw ceiling. */
  readonly rawClientCpuMsPerTransaction: number;
}

function ownCpuMs(): number {
  const usage = process.cpuUsage();
  return (usage.user + usage.system) / 1000;
}

function combine(results: ClosedLoopResult[]): ThroughputFigures {
  const ok = results.reduce((sum, result) => sum + result.ok, 0);
  const elapsedMs = results.reduce((sum, result) => sum + result.elapsedMs, 0);
  return {
    ratePerSecond: (ok / elapsedMs) * 1000,
    latency: summarise(results.flatMap((result) => result.latenciesMs)),
    ok,
    errors: results.reduce((sum, result) => sum + result.errors, 0),
    seconds: elapsedMs / 1000,
    firstError: results.find((result) => result.firstError)?.firstError,
  };
}

function describe(label: string, figures: ThroughputFigures): void {
  console.log(
    `  ${label}: ${fmtRate(figures.ratePerSecond, '/s')} (${figures.ok} ok, ${figures.errors} errors in ${figures.seconds.toFixed(1)} s)` +
      `, latency p50 ${fmtMs(figures.latency.p50)}, p99 ${fmtMs(figures.latency.p99)}, max ${fmtMs(figures.latency.max)}` +
      (figures.firstError ? `; first error: ${figures.firstError.slice(0, 300)}` : ''),
  );
}

/**
 * 1. POST /api/v1/beneficiaries through the real service vs the same SQL through a bare pg Pool.
 * After a warm-up of each, the two run in alternating slices (API, raw, API, raw) of
 * BENCH_API_SECONDS / 2 each; only one of them runs at a time.
 */
export async function registrationThroughput(
  resources: BenchResources,
): Promise<RegistrationThroughputResult> {
  const samples = sampleBeneficiaries(2000);
  let sequence = 0; // names stay unique across every request of the stage

  // --- the API, served by `node dist/apps/registration/src/main.js` in its own process
  const apiDb = await resources.database('reg_api');
  const service = await ServiceProcess.start({
    service: 'registration',
    databaseUrl: apiDb.url,
    natsUrl: resources.natsUrl,
    namespace: resources.namespace(),
  });
  resources.onRelease('stop registration', () => service.stop());
  const client = new KeepAliveClient(service.port, CONCURRENCY);
  resources.onRelease('close HTTP agent', () => Promise.resolve(client.close()));
  const authorization = caseWorkerAuthorization();
  const post = async () => {
    const response = await client.post(REGISTER_PATH, registrationBody(samples, sequence++), {
      authorization,
    });
    return response.status === 201 || `HTTP ${response.status}: ${response.body}`;
  };

  // --- the ceiling: the same statements with node-postgres only, on a database of its own
  const rawDb = await resources.database('reg_raw');
  await migrateService({
    service: 'registration',
    url: rawDb.url,
    entities: REGISTRATION_ENTITIES,
    migrations: REGISTRATION_MIGRATIONS,
  });
  const pool = new Pool({ connectionString: rawDb.url, max: RAW_POOL_SIZE });
  resources.onRelease('close raw pool', () => pool.end());
  // Since issue #3 the service also stores the names, encrypted (AES-256-GCM), in `names_enc`.
  const encryptedNames = await hasColumn(rawDb.url, 'beneficiary', 'names_enc');
  const rawTransaction = async () => {
    const body = JSON.parse(registrationBody(samples, sequence++)) as Record<string, string>;
    const connection = await pool.connect();
    try {
      await connection.query('BEGIN');
      const {
        rows: [{ next }],
      } = await connection.query<{ next: string }>(
        `SELECT nextval('beneficiary_reference_seq') AS next`,
      );
      const id = uuidv7();
      const reference = `MA-${new Date().getUTCFullYear()}-${String(next).padStart(6, '0')}`;
      const birthYear = Number(body.birthDate.slice(0, 4));
      const values: unknown[] = [
        id,
        reference,
        'IOM',
        body.category,
        body.sex,
        body.birthDate,
        birthYear,
        body.nationality,
        body.regionCode,
        body.programmeCode ?? null,
      ];
      if (encryptedNames) {
        const names = { firstName: body.firstName, lastName: body.lastName };
        values.push(sealJson(names, `beneficiary:${id}:names`));
      }
      const {
        rows: [row],
      } = await connection.query<{ created_at: Date; version: number }>(
        `INSERT INTO beneficiary (id, reference, owner_org, category, sex, birth_date, birth_year, nationality,
                                  region_code, programme_code${encryptedNames ? ', names_enc' : ''}, version)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10${encryptedNames ? ', $11' : ''}, 1)
         RETURNING created_at, version`,
        values,
      );
      const envelope = beneficiaryRegisteredV1.build(
        {
          beneficiaryId: id,
          reference,
          ownerOrg: 'IOM',
          category: body.category,
          sex: body.sex,
          birthYear,
          nationality: body.nationality,
          regionCode: body.regionCode,
          ...(body.programmeCode ? { programmeCode: body.programmeCode } : {}),
          version: row.version,
          registeredAt: row.created_at.toISOString(),
        },
        { subject: id, correlationId: randomUUID() },
      );
      await connection.query(
        `INSERT INTO outbox_message (id, type, subject, payload, occurred_at) VALUES ($1, $2, $3, $4, $5)`,
        [
          envelope.id,
          envelope.type,
          contractSubjectOf(envelope),
          JSON.stringify(envelope),
          envelope.time,
        ],
      );
      await connection.query('SELECT pg_notify($1, $2)', [OUTBOX_CHANNEL, '']);
      await connection.query('COMMIT');
      return true;
    } catch (error) {
      await connection.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      connection.release();
    }
  };

  const run = (operation: () => Promise<boolean | string>, durationMs: number) =>
    closedLoop({ concurrency: CONCURRENCY, durationMs, operation });
  describe('API warm-up', combine([await run(post, WARMUP_MS)]));
  describe('raw pg warm-up', combine([await run(rawTransaction, WARMUP_MS)]));

  const apiSlices: ClosedLoopResult[] = [];
  const rawSlices: ClosedLoopResult[] = [];
  let serviceCpuMs = 0;
  let apiOwnCpuMs = 0;
  let rawOwnCpuMs = 0;
  let outboxBacklogAfterRun = 0;
  for (let slice = 0; slice < SLICES; slice += 1) {
    const serviceCpu0 = service.cpuMs();
    let ownCpu0 = ownCpuMs();
    apiSlices.push(await run(post, DURATION_MS / SLICES));
    serviceCpuMs += service.cpuMs() - serviceCpu0;
    apiOwnCpuMs += ownCpuMs() - ownCpu0;
    outboxBacklogAfterRun = await countUnpublished(apiDb.url);
    ownCpu0 = ownCpuMs();
    rawSlices.push(await run(rawTransaction, DURATION_MS / SLICES));
    rawOwnCpuMs += ownCpuMs() - ownCpu0;
  }
  const api = combine(apiSlices);
  const raw = combine(rawSlices);
  describe(`API (${SLICES} slices)`, api);
  describe(`raw pg (${SLICES} slices)`, raw);
  const result: RegistrationThroughputResult = {
    api,
    raw,
    outboxBacklogAfterRun,
    serviceCpuMsPerRequest: serviceCpuMs / api.ok,
    loadGeneratorCpuMsPerRequest: apiOwnCpuMs / api.ok,
    rawClientCpuMsPerTransaction: rawOwnCpuMs / raw.ok,
  };
  console.log(
    `  CPU per request: registration process ${result.serviceCpuMsPerRequest.toFixed(2)} ms (relay included), ` +
      `load generator ${result.loadGeneratorCpuMsPerRequest.toFixed(2)} ms; ` +
      `raw client ${result.rawClientCpuMsPerTransaction.toFixed(2)} ms per transaction`,
  );
  console.log(
    `  outbox rows not yet published by the service when the last API slice ended: ${outboxBacklogAfterRun}`,
  );
  return result;
}

const RAW_KEY = randomBytes(32);

/** AES-256-GCM of a JSON value bound to `context`, as a `kid.iv.ciphertext.tag` text token. */
function sealJson(value: unknown, context: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', RAW_KEY, iv);
  cipher.setAAD(Buffer.from(context));
  const ciphertext = Buffer.concat([cipher.update(JSON.stringify(value), 'utf8'), cipher.final()]);
  return ['raw', iv, ciphertext, cipher.getAuthTag()]
    .map((part) => (typeof part === 'string' ? part : part.toString('base64url')))
    .join('.');
}

async function hasColumn(url: string, table: string, column: string): Promise<boolean> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    const { rowCount } = await client.query(
      'SELECT 1 FROM information_schema.columns WHERE table_name = $1 AND column_name = $2',
      [table, column],
    );
    return (rowCount ?? 0) > 0;
  } finally {
    await client.end();
  }
}

async function countUnpublished(url: string): Promise<number> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM outbox_message WHERE published_at IS NULL',
    );
    return rows[0].n;
  } finally {
    await client.end();
  }
}
