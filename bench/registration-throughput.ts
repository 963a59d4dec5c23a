import { createCipheriv, randomBytes, randomUUID } from 'node:crypto';
import { beneficiaryRegisteredV1, uuidv7 } from '@mrm/contracts';
import { contractSubjectOf, OUTBOX_CHANNEL } from '@mrm/messaging';
import { Client, Pool } from 'pg';
import {
  caseWorkerAuthorization,
  closedLoop,
  KeepAliveClient,
  MAX_NAME_INDEX,
  REGISTER_PATH,
  registrationBody,
  registrationRequest,
  sampleBeneficiaries,
  type ClosedLoopResult,
  warmUp,
} from './lib/http-load';
import { migrateRegistration, RawRegistration } from './lib/raw-registration';
import { ServiceProcess } from './lib/service-process';
import { envInt, fmtMs, fmtRate, summarise, type LatencySummary } from './lib/stats';
import type { BenchResources } from './lib/substrate';

export const CONCURRENCY = envInt('BENCH_API_CONCURRENCY', 32);
/** Registration processes sharing one database, like the replicas of a Deployment behind a Service. */
export const REPLICAS = envInt('BENCH_API_REPLICAS', 1);
const DURATION_MS = envInt('BENCH_API_SECONDS', 10) * 1000;
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
  /** The service's create transaction, statement for statement, over a bare pg Pool. */
  readonly raw: ThroughputFigures;
  /** Issue #2's literal ceiling: entity row + outbox row (+ NOTIFY) only. */
  readonly rawLiteral: ThroughputFigures;
  /** Outbox rows the service had not published when the last API slice ended. */
  readonly outboxBacklogAfterRun: number;
  /** CPU ms per request used by the registration process (its relay included). */
  readonly serviceCpuMsPerRequest: number;
  /** CPU ms per request used by this process generating the HTTP load. */
  readonly loadGeneratorCpuMsPerRequest: number;
  /** CPU ms per transaction used by this process in the raw ceiling (same SQL). */
  readonly rawClientCpuMsPerTransaction: number;
  /** CPU ms per transaction used by this process in the literal ceiling. */
  readonly rawLiteralClientCpuMsPerTransaction: number;
}

// An idle pooled connection that fails must not crash the run (an unhandled 'error' event would
// end it before its cleanup stops the service). pool.end() resolves before its connections are
// closed, so the database drop that follows terminates them (57P01): expected, not reported.
function reportIdleClientError(error: Error & { code?: string }): void {
  if (error.code !== '57P01') console.error(`  idle pg connection failed: ${error.message}`);
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

/** Each side's share of the stage's requests (names, phones and passports stay unique). */
class Sequence {
  private next = 0;
  take(): number {
    if (this.next >= MAX_NAME_INDEX) throw new Error('bench ran out of unique names');
    return this.next++;
  }
}

/**
 * 1. POST /api/v1/beneficiaries through the real service vs the same transaction through a bare
 * pg Pool, and vs issue #2's literal ceiling (entity row + outbox row). After a warm-up of each,
 * the three run in alternating slices (API, raw, literal, API, raw, literal) of
 * BENCH_API_SECONDS / 2 each; only one of them runs at a time, each on a database of its own.
 */
export async function registrationThroughput(
  resources: BenchResources,
): Promise<RegistrationThroughputResult> {
  const samples = sampleBeneficiaries(2000);
  const sequence = new Sequence(); // names stay unique across every request of the stage

  // --- the API, served by `node dist/apps/registration/src/main.js` in its own process
  const apiDb = await resources.database('reg_api');
  const namespace = resources.namespace();
  const services: ServiceProcess[] = [];
  const clients: KeepAliveClient[] = [];
  // One after the other: the first migrates the database, the next find it migrated.
  for (let replica = 0; replica < REPLICAS; replica += 1) {
    const service = await ServiceProcess.start({
      service: 'registration',
      databaseUrl: apiDb.url,
      natsUrl: resources.natsUrl,
      namespace,
      // The replicas share the raw ceiling's number of connections, so neither side gets more.
      env: { DATABASE_POOL_SIZE: String(Math.ceil(RAW_POOL_SIZE / REPLICAS)) },
    });
    resources.onRelease(`stop registration ${replica + 1}`, () => service.stop());
    services.push(service);
    const client = new KeepAliveClient(service.port, Math.ceil(CONCURRENCY / REPLICAS));
    resources.onRelease(`close HTTP agent ${replica + 1}`, () => Promise.resolve(client.close()));
    clients.push(client);
  }
  const serviceCpu = () =>
    services.reduce(
      (sum, service) => {
        const cpu = service.cpuSplitMs();
        return { user: sum.user + cpu.user, system: sum.system + cpu.system };
      },
      { user: 0, system: 0 },
    );
  const authorization = caseWorkerAuthorization();
  let nextClient = 0;
  // Round robin over the replicas, as kube-proxy spreads a Service's connections.
  const post = async () => {
    const client = clients[nextClient];
    nextClient = (nextClient + 1) % clients.length;
    const response = await client.post(REGISTER_PATH, registrationBody(samples, sequence.take()), {
      authorization,
    });
    return response.status === 201 || `HTTP ${response.status}: ${response.body}`;
  };

  // --- the ceiling: the service's create statements with node-postgres only
  const rawDb = await resources.database('reg_raw');
  await migrateRegistration(rawDb.url);
  const pool = new Pool({ connectionString: rawDb.url, max: RAW_POOL_SIZE });
  pool.on('error', reportIdleClientError);
  resources.onRelease('close raw pool', () => pool.end());
  const rawRegistration = new RawRegistration(pool);
  // The body is parsed as the API would receive it; the same request as the API's.
  const rawTransaction = () =>
    rawRegistration.create(
      JSON.parse(registrationBody(samples, sequence.take())) as Record<string, unknown>,
    );

  // --- issue #2's literal ceiling: entity row + outbox row, on a database of its own
  const literalDb = await resources.database('reg_literal');
  await migrateRegistration(literalDb.url);
  const literalPool = new Pool({ connectionString: literalDb.url, max: RAW_POOL_SIZE });
  literalPool.on('error', reportIdleClientError);
  resources.onRelease('close literal pool', () => literalPool.end());
  const literalTransaction = () =>
    entityAndOutboxRow(literalPool, registrationRequest(samples, sequence.take()));

  const run = (operation: () => Promise<boolean | string>, durationMs: number) =>
    closedLoop({ concurrency: CONCURRENCY, durationMs, operation });
  const warm = (operation: () => Promise<boolean | string>) =>
    warmUp({ concurrency: CONCURRENCY, operation });
  describe('API warm-up', combine([await warm(post)]));
  describe('raw pg (same transaction) warm-up', combine([await warm(rawTransaction)]));
  describe('raw pg (row + outbox) warm-up', combine([await warm(literalTransaction)]));

  const apiSlices: ClosedLoopResult[] = [];
  const rawSlices: ClosedLoopResult[] = [];
  const literalSlices: ClosedLoopResult[] = [];
  let serviceCpuMs = 0;
  let serviceSystemMs = 0;
  let apiOwnCpuMs = 0;
  let rawOwnCpuMs = 0;
  let literalOwnCpuMs = 0;
  let outboxBacklogAfterRun = 0;
  for (let slice = 0; slice < SLICES; slice += 1) {
    const serviceCpu0 = serviceCpu();
    let ownCpu0 = ownCpuMs();
    apiSlices.push(await run(post, DURATION_MS / SLICES));
    const serviceCpu1 = serviceCpu();
    serviceCpuMs += serviceCpu1.user + serviceCpu1.system - (serviceCpu0.user + serviceCpu0.system);
    serviceSystemMs += serviceCpu1.system - serviceCpu0.system;
    apiOwnCpuMs += ownCpuMs() - ownCpu0;
    outboxBacklogAfterRun = await countUnpublished(apiDb.url);
    ownCpu0 = ownCpuMs();
    rawSlices.push(await run(rawTransaction, DURATION_MS / SLICES));
    rawOwnCpuMs += ownCpuMs() - ownCpu0;
    ownCpu0 = ownCpuMs();
    literalSlices.push(await run(literalTransaction, DURATION_MS / SLICES));
    literalOwnCpuMs += ownCpuMs() - ownCpu0;
  }
  const api = combine(apiSlices);
  const raw = combine(rawSlices);
  const rawLiteral = combine(literalSlices);
  describe(`API (${SLICES} slices)`, api);
  describe(`raw pg, same transaction (${SLICES} slices)`, raw);
  describe(`raw pg, row + outbox only (${SLICES} slices)`, rawLiteral);
  const result: RegistrationThroughputResult = {
    api,
    raw,
    rawLiteral,
    outboxBacklogAfterRun,
    serviceCpuMsPerRequest: serviceCpuMs / api.ok,
    loadGeneratorCpuMsPerRequest: apiOwnCpuMs / api.ok,
    rawClientCpuMsPerTransaction: rawOwnCpuMs / raw.ok,
    rawLiteralClientCpuMsPerTransaction: literalOwnCpuMs / rawLiteral.ok,
  };
  console.log(
    `  CPU per request: registration process ${result.serviceCpuMsPerRequest.toFixed(2)} ms (relay included; ` +
      `${((100 * serviceSystemMs) / Math.max(1, serviceCpuMs)).toFixed(0)}% of it in the kernel), ` +
      `load generator ${result.loadGeneratorCpuMsPerRequest.toFixed(2)} ms; raw client ` +
      `${result.rawClientCpuMsPerTransaction.toFixed(2)} ms per same transaction, ` +
      `${result.rawLiteralClientCpuMsPerTransaction.toFixed(2)} ms per row + outbox`,
  );
  console.log(
    `  outbox rows not yet published by the service when the last API slice ended: ${outboxBacklogAfterRun}`,
  );
  return result;
}

/**
 * Issue #2's literal ceiling, the transaction of the first version of the endpoint:
 * `BEGIN; nextval; INSERT beneficiary (names encrypted) RETURNING; INSERT outbox; NOTIFY; COMMIT`.
 */
async function entityAndOutboxRow(pool: Pool, body: Record<string, unknown>): Promise<boolean> {
  const text = (name: string) => body[name] as string;
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
    const birthYear = Number(text('birthDate').slice(0, 4));
    const names = { firstName: text('firstName'), lastName: text('lastName') };
    const {
      rows: [row],
    } = await connection.query<{ created_at: Date; version: number }>(
      `INSERT INTO beneficiary (id, reference, owner_org, category, sex, birth_date_enc, birth_year, nationality,
                                region_code, programme_code, names_enc, version)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, 1)
       RETURNING created_at, version`,
      [
        id,
        reference,
        'IOM',
        text('category'),
        text('sex'),
        // The service encrypts the exact date as a string token; a JSON string costs the same.
        sealJson(text('birthDate'), `beneficiary:${id}:birthDate`),
        birthYear,
        text('nationality'),
        text('regionCode'),
        text('programmeCode') ?? null,
        sealJson(names, `beneficiary:${id}:names`),
      ],
    );
    const envelope = beneficiaryRegisteredV1.build(
      {
        beneficiaryId: id,
        reference,
        ownerOrg: 'IOM',
        category: text('category'),
        sex: text('sex'),
        birthYear,
        nationality: text('nationality'),
        regionCode: text('regionCode'),
        ...(body.programmeCode ? { programmeCode: text('programmeCode') } : {}),
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
