import { performance } from 'node:perf_hooks';
import { Client } from 'pg';
import {
  caseWorkerAuthorization,
  KeepAliveClient,
  openLoop,
  REGISTER_PATH,
  registrationBody,
  sampleBeneficiaries,
} from './lib/http-load';
import { ServiceProcess } from './lib/service-process';
import {
  envInt,
  fmtMs,
  sleep,
  summarise,
  WARMUP_OPERATIONS,
  type LatencySummary,
} from './lib/stats';
import type { BenchResources } from './lib/substrate';

export const LAG_RATE = envInt('BENCH_LAG_RATE', 200);
const LAG_SECONDS = envInt('BENCH_LAG_SECONDS', 15);
export const POLL_INTERVAL_MS = envInt('BENCH_LAG_POLL_MS', 10);
const DRAIN_TIMEOUT_MS = 30_000;
const MAX_IDS_PER_POLL = 5000;

export interface EndToEndLagResult {
  readonly lag: LatencySummary;
  readonly api: LatencySummary;
  readonly sent: number;
  readonly created: number;
  readonly errors: number;
  /** Requests the generator could not start because 512 were already outstanding (API saturated). */
  readonly skipped: number;
  readonly missing: number;
  readonly achievedRate: number;
  readonly pollRoundTrip: LatencySummary;
}

/**
 * Watches reporting's `beneficiary_fact` for ids: every `POLL_INTERVAL_MS` one query for the ids
 * still pending; an id counts as seen at the moment the query that found it was sent.
 */
class FactWatcher {
  private readonly pending = new Map<string, number>();
  readonly lagsMs: number[] = [];
  readonly pollMs: number[] = [];
  private running = true;
  private loop?: Promise<void>;

  constructor(private readonly client: Client) {}

  start(): void {
    this.loop = this.run();
  }

  /** The API answered 201 for `id` at `at` (performance.now()). */
  created(id: string, at: number): void {
    this.pending.set(id, at);
  }

  get pendingCount(): number {
    return this.pending.size;
  }

  async stop(): Promise<void> {
    this.running = false;
    await this.loop;
  }

  private async run(): Promise<void> {
    while (this.running) {
      const next = performance.now() + POLL_INTERVAL_MS;
      if (this.pending.size > 0) {
        const ids = [...this.pending.keys()].slice(0, MAX_IDS_PER_POLL);
        const sentAt = performance.now();
        const { rows } = await this.client.query<{ beneficiary_id: string }>(
          'SELECT beneficiary_id FROM beneficiary_fact WHERE beneficiary_id = ANY($1::uuid[])',
          [ids],
        );
        this.pollMs.push(performance.now() - sentAt);
        for (const { beneficiary_id: id } of rows) {
          const createdAt = this.pending.get(id);
          if (createdAt === undefined) continue;
          this.pending.delete(id);
          this.lagsMs.push(sentAt - createdAt);
        }
      }
      await sleep(Math.max(0, next - performance.now()));
    }
  }
}

/** 2. Lag from the registration API's 201 to the fact being visible in reporting's database. */
export async function endToEndLag(resources: BenchResources): Promise<EndToEndLagResult> {
  const namespace = resources.namespace();
  const [registrationDb, reportingDb] = await Promise.all([
    resources.database('lag_reg'),
    resources.database('lag_rep'),
  ]);
  const registration = await ServiceProcess.start({
    service: 'registration',
    databaseUrl: registrationDb.url,
    natsUrl: resources.natsUrl,
    namespace,
  });
  resources.onRelease('stop registration', () => registration.stop());
  const reporting = await ServiceProcess.start({
    service: 'reporting',
    databaseUrl: reportingDb.url,
    natsUrl: resources.natsUrl,
    namespace,
  });
  resources.onRelease('stop reporting', () => reporting.stop());

  const reportingClient = new Client({ connectionString: reportingDb.url });
  await reportingClient.connect();
  resources.onRelease('close reporting client', () => reportingClient.end());

  const samples = sampleBeneficiaries(1000, 7);
  let sequence = 0;
  const authorization = caseWorkerAuthorization();
  const http = new KeepAliveClient(registration.port, 128);
  resources.onRelease('close http agent', () => Promise.resolve(http.close()));

  const drive = async (seconds: number, watcher: FactWatcher | undefined) => {
    const apiMs: number[] = [];
    let created = 0;
    let errors = 0;
    let firstError: string | undefined;
    const run = await openLoop({
      ratePerSecond: LAG_RATE,
      durationMs: seconds * 1000,
      maxInFlight: 512,
      operation: async () => {
        const t0 = performance.now();
        try {
          const response = await http.post(REGISTER_PATH, registrationBody(samples, sequence++), {
            authorization,
          });
          const at = performance.now();
          if (response.status !== 201) {
            throw new Error(`HTTP ${response.status}: ${response.body.slice(0, 200)}`);
          }
          created += 1;
          apiMs.push(at - t0);
          watcher?.created((JSON.parse(response.body) as { id: string }).id, at);
        } catch (error) {
          errors += 1;
          firstError ??= (error as Error).message;
        }
      },
    });
    return { ...run, apiMs, created, errors, firstError };
  };

  // Warm-up at the same rate (as many registrations as the other stages' warm-ups); then wait
  // until reporting has caught up before measuring.
  const warm = await drive(Math.ceil(WARMUP_OPERATIONS / LAG_RATE), undefined);
  const warmTarget = warm.created;
  const caughtUp = performance.now() + DRAIN_TIMEOUT_MS;
  while (performance.now() < caughtUp) {
    const { rows } = await reportingClient.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM beneficiary_fact',
    );
    if (rows[0].n >= warmTarget) break;
    await sleep(50);
  }
  console.log(`  warm-up: ${warm.created} registrations at ${LAG_RATE}/s, reporting caught up`);

  const watcher = new FactWatcher(reportingClient);
  watcher.start();
  const cpu0 = [registration.cpuMs(), reporting.cpuMs()];
  const run = await drive(LAG_SECONDS, watcher);
  const drainDeadline = performance.now() + DRAIN_TIMEOUT_MS;
  while (watcher.pendingCount > 0 && performance.now() < drainDeadline) await sleep(20);
  const missing = watcher.pendingCount;
  await watcher.stop();
  const cpuPerRegistration = [registration.cpuMs() - cpu0[0], reporting.cpuMs() - cpu0[1]].map(
    (ms) => (ms / Math.max(1, run.created)).toFixed(2),
  );

  const result: EndToEndLagResult = {
    lag: summarise(watcher.lagsMs),
    api: summarise(run.apiMs),
    sent: run.started,
    created: run.created,
    errors: run.errors,
    skipped: run.skipped,
    missing,
    achievedRate: (run.started / run.elapsedMs) * 1000,
    pollRoundTrip: summarise(watcher.pollMs),
  };
  console.log(
    `  ${result.sent} requests in ${(run.elapsedMs / 1000).toFixed(1)} s (${result.achievedRate.toFixed(0)}/s), ` +
      `${result.created} created, ${result.errors} errors${run.firstError ? ` (first: ${run.firstError})` : ''}, ` +
      `${result.skipped} not sent (512 already in flight: the API could not keep up), ` +
      `${missing} never seen in reporting within ${DRAIN_TIMEOUT_MS / 1000} s`,
  );
  console.log(
    `  API latency p50 ${fmtMs(result.api.p50)}, p99 ${fmtMs(result.api.p99)}; ` +
      `201 → fact lag p50 ${fmtMs(result.lag.p50)}, p90 ${fmtMs(result.lag.p90)}, p99 ${fmtMs(result.lag.p99)}, max ${fmtMs(result.lag.max)}; ` +
      `poll query p50 ${fmtMs(result.pollRoundTrip.p50)}`,
  );
  if (result.api.p50 > (1000 / LAG_RATE) * 20 || result.skipped > 0) {
    console.log(
      `  note: the API's own latency shows requests queueing: registration (with reporting, ` +
        `PostgreSQL and NATS on the same cores) does not keep up with ${LAG_RATE}/s here; ` +
        'the lag is measured from each 201, so it excludes that queueing',
    );
  }
  console.log(
    `  CPU per registration: registration process ${cpuPerRegistration[0]} ms, reporting process ${cpuPerRegistration[1]} ms`,
  );
  return result;
}
